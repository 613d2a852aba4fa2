using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Connectors.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LeaseUntilMs",
                table: "inbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "inbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Status_LeaseUntilMs",
                table: "inbox",
                columns: new[] { "Status", "LeaseUntilMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_Status_LeaseUntilMs",
                table: "inbox");

            migrationBuilder.DropColumn(
                name: "LeaseUntilMs",
                table: "inbox");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "inbox");
        }
    }
}
