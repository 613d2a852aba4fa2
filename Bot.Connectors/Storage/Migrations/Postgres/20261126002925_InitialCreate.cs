using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bot.Connectors.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "booking_claims",
                columns: table => new
                {
                    Resource = table.Column<string>(type: "text", nullable: false),
                    TickMs = table.Column<long>(type: "bigint", nullable: false),
                    Owner = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_booking_claims", x => new { x.Resource, x.TickMs });
                });

            migrationBuilder.CreateTable(
                name: "bookings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    VenueId = table.Column<long>(type: "bigint", nullable: false),
                    MediatorId = table.Column<long>(type: "bigint", nullable: true),
                    StartMs = table.Column<long>(type: "bigint", nullable: false),
                    EndMs = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Topic = table.Column<string>(type: "text", nullable: false),
                    OtherParty = table.Column<string>(type: "text", nullable: true),
                    TicketNumber = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    HeldUntilMs = table.Column<long>(type: "bigint", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    ProposedStartMs = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "compounds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "console_accounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Username = table.Column<string>(type: "text", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: false),
                    GridCompoundId = table.Column<long>(type: "bigint", nullable: true),
                    FailedCount = table.Column<int>(type: "integer", nullable: false),
                    LockedUntilMs = table.Column<long>(type: "bigint", nullable: true),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    Stamp = table.Column<string>(type: "text", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_console_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "council_seats",
                columns: table => new
                {
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    JoinedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_seats", x => new { x.SessionId, x.Channel, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "council_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VenueId = table.Column<long>(type: "bigint", nullable: false),
                    StartMs = table.Column<long>(type: "bigint", nullable: false),
                    EndMs = table.Column<long>(type: "bigint", nullable: false),
                    Topic = table.Column<string>(type: "text", nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_sessions", x => x.Id);
                    table.CheckConstraint("CK_council_sessions_seats", "\"Taken\" <= \"Seats\"");
                });

            migrationBuilder.CreateTable(
                name: "event_exceptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScheduleId = table.Column<long>(type: "bigint", nullable: false),
                    OriginalStartMs = table.Column<long>(type: "bigint", nullable: false),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    NewStartMs = table.Column<long>(type: "bigint", nullable: true),
                    NewEndMs = table.Column<long>(type: "bigint", nullable: true),
                    NewPlace = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_exceptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "event_minutes",
                columns: table => new
                {
                    OccurrenceId = table.Column<string>(type: "text", nullable: false),
                    ScheduleId = table.Column<long>(type: "bigint", nullable: false),
                    Discussed = table.Column<string>(type: "text", nullable: false),
                    Decided = table.Column<string>(type: "text", nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_minutes", x => x.OccurrenceId);
                });

            migrationBuilder.CreateTable(
                name: "event_registrations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScheduleId = table.Column<long>(type: "bigint", nullable: false),
                    OccurrenceId = table.Column<string>(type: "text", nullable: true),
                    OccurrenceStartMs = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: true),
                    Priority = table.Column<bool>(type: "boolean", nullable: false),
                    TicketNumber = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_registrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "event_schedules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Cron = table.Column<string>(type: "text", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "text", nullable: false),
                    CompoundId = table.Column<long>(type: "bigint", nullable: true),
                    HostIdsJson = table.Column<string>(type: "text", nullable: false),
                    RobotKeysJson = table.Column<string>(type: "text", nullable: false),
                    VisitsJson = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_event_schedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "group_chats",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChatId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    CompoundId = table.Column<long>(type: "bigint", nullable: true),
                    BuildingId = table.Column<long>(type: "bigint", nullable: true),
                    WebhookKey = table.Column<string>(type: "text", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_chats", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "group_notice_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<long>(type: "bigint", nullable: false),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    OutboxId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_notice_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "group_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "handoff_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    WorkerUserId = table.Column<string>(type: "text", nullable: false),
                    WorkerName = table.Column<string>(type: "text", nullable: false),
                    TicketNumber = table.Column<string>(type: "text", nullable: true),
                    StartedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    LastActivityAtMs = table.Column<long>(type: "bigint", nullable: false),
                    EndedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    EndReason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handoff_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    MessageKey = table.Column<string>(type: "text", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Intent = table.Column<string>(type: "text", nullable: true),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ProcessedAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_entries",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    question = table.Column<string>(type: "text", nullable: false),
                    answer = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    valid_until = table.Column<string>(type: "text", nullable: true),
                    tags = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<long>(type: "bigint", nullable: false),
                    updated_by = table.Column<string>(type: "text", nullable: false),
                    deleted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mediator_days",
                columns: table => new
                {
                    MediatorId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<string>(type: "text", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mediator_days", x => new { x.MediatorId, x.Day });
                    table.CheckConstraint("CK_mediator_days_count", "\"Count\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "mediator_profiles",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    DailyCap = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mediator_profiles", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    InboxId = table.Column<long>(type: "bigint", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    NextAttemptAtMs = table.Column<long>(type: "bigint", nullable: false),
                    LeaseUntilMs = table.Column<long>(type: "bigint", nullable: false),
                    SentAtMs = table.Column<long>(type: "bigint", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prompt_active",
                columns: table => new
                {
                    prompt_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    changed_at = table.Column<long>(type: "bigint", nullable: false),
                    changed_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prompt_active", x => x.prompt_id);
                });

            migrationBuilder.CreateTable(
                name: "prompt_versions",
                columns: table => new
                {
                    prompt_id = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    author = table.Column<string>(type: "text", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prompt_versions", x => new { x.prompt_id, x.version });
                });

            migrationBuilder.CreateTable(
                name: "sent_notices",
                columns: table => new
                {
                    Key = table.Column<string>(type: "text", nullable: false),
                    SentAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sent_notices", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "template_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageKey = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    TemplateMsgId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "text", nullable: false),
                    ReceivedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_template_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ticket_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_counters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "ticket_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    FromState = table.Column<int>(type: "integer", nullable: true),
                    ToState = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticket_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "text", nullable: false),
                    Colour = table.Column<int>(type: "integer", nullable: false),
                    Department = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Place = table.Column<string>(type: "text", nullable: true),
                    Since = table.Column<string>(type: "text", nullable: true),
                    Grid = table.Column<string>(type: "text", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Photos = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Origin = table.Column<string>(type: "text", nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    RatingComment = table.Column<string>(type: "text", nullable: true),
                    AssigneeId = table.Column<long>(type: "bigint", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    RemindAtMs = table.Column<long>(type: "bigint", nullable: true),
                    ResponseDueAtMs = table.Column<long>(type: "bigint", nullable: true),
                    RemindedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    RespondedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    BreachedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    Public = table.Column<bool>(type: "boolean", nullable: false),
                    PublicTitle = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "venues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false),
                    OpeningHours = table.Column<string>(type: "text", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    SlotMinutes = table.Column<int>(type: "integer", nullable: false),
                    BufferMinutes = table.Column<int>(type: "integer", nullable: false),
                    ClosedDates = table.Column<string>(type: "text", nullable: false),
                    Kinds = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_venues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wecom_messages",
                columns: table => new
                {
                    MessageKey = table.Column<string>(type: "text", nullable: false),
                    SeenAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wecom_messages", x => x.MessageKey);
                });

            migrationBuilder.CreateTable(
                name: "buildings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompoundId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_buildings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_buildings_compounds_CompoundId",
                        column: x => x.CompoundId,
                        principalTable: "compounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    WeComUserId = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    DutyHours = table.Column<string>(type: "text", nullable: false),
                    CompoundId = table.Column<long>(type: "bigint", nullable: true),
                    Specialties = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                    table.ForeignKey(
                        name: "FK_people_compounds_CompoundId",
                        column: x => x.CompoundId,
                        principalTable: "compounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "resident_buildings",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "text", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    BuildingId = table.Column<long>(type: "bigint", nullable: false),
                    BoundAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_buildings", x => new { x.Channel, x.UserId });
                    table.ForeignKey(
                        name: "FK_resident_buildings_buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "person_buildings",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    BuildingId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_buildings", x => new { x.PersonId, x.BuildingId });
                    table.ForeignKey(
                        name: "FK_person_buildings_buildings_BuildingId",
                        column: x => x.BuildingId,
                        principalTable: "buildings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_person_buildings_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_booking_claims_Owner",
                table: "booking_claims",
                column: "Owner");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_Channel_UserId",
                table: "bookings",
                columns: new[] { "Channel", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_bookings_Number",
                table: "bookings",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bookings_StartMs",
                table: "bookings",
                column: "StartMs");

            migrationBuilder.CreateIndex(
                name: "IX_bookings_State_HeldUntilMs",
                table: "bookings",
                columns: new[] { "State", "HeldUntilMs" });

            migrationBuilder.CreateIndex(
                name: "IX_buildings_CompoundId_Name",
                table: "buildings",
                columns: new[] { "CompoundId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_compounds_Name",
                table: "compounds",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_console_accounts_Username",
                table: "console_accounts",
                column: "Username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_council_seats_Channel_UserId",
                table: "council_seats",
                columns: new[] { "Channel", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_council_sessions_StartMs",
                table: "council_sessions",
                column: "StartMs");

            migrationBuilder.CreateIndex(
                name: "IX_event_exceptions_ScheduleId_OriginalStartMs",
                table: "event_exceptions",
                columns: new[] { "ScheduleId", "OriginalStartMs" });

            migrationBuilder.CreateIndex(
                name: "IX_event_registrations_Channel_UserId",
                table: "event_registrations",
                columns: new[] { "Channel", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_event_registrations_ScheduleId_OccurrenceId",
                table: "event_registrations",
                columns: new[] { "ScheduleId", "OccurrenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_group_chats_ChatId",
                table: "group_chats",
                column: "ChatId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_group_notice_deliveries_NoticeId",
                table: "group_notice_deliveries",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_handoff_sessions_Channel_UserId",
                table: "handoff_sessions",
                columns: new[] { "Channel", "UserId" },
                unique: true,
                filter: "\"EndedAtMs\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_handoff_sessions_EndedAtMs_LastActivityAtMs",
                table: "handoff_sessions",
                columns: new[] { "EndedAtMs", "LastActivityAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_handoff_sessions_WorkerUserId_EndedAtMs",
                table: "handoff_sessions",
                columns: new[] { "WorkerUserId", "EndedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Channel_MessageKey",
                table: "inbox",
                columns: new[] { "Channel", "MessageKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Channel_UserId_Id",
                table: "inbox",
                columns: new[] { "Channel", "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_inbox_Status_Id",
                table: "inbox",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_UserId_Id",
                table: "outbox",
                columns: new[] { "Channel", "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Channel_UserId_Status",
                table: "outbox",
                columns: new[] { "Channel", "UserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Status_NextAttemptAtMs",
                table: "outbox",
                columns: new[] { "Status", "NextAttemptAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_people_CompoundId",
                table: "people",
                column: "CompoundId");

            migrationBuilder.CreateIndex(
                name: "IX_people_Role_CompoundId",
                table: "people",
                columns: new[] { "Role", "CompoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_people_WeComUserId",
                table: "people",
                column: "WeComUserId",
                unique: true,
                filter: "\"Active\" AND \"WeComUserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_person_buildings_BuildingId",
                table: "person_buildings",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_resident_buildings_BuildingId",
                table: "resident_buildings",
                column: "BuildingId");

            migrationBuilder.CreateIndex(
                name: "IX_template_deliveries_MessageKey",
                table: "template_deliveries",
                column: "MessageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ticket_history_TicketId_Id",
                table: "ticket_history",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Channel_UserId_Id",
                table: "tickets",
                columns: new[] { "Channel", "UserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_tickets_CreatedAtMs",
                table: "tickets",
                column: "CreatedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_tickets_Number",
                table: "tickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tickets_RespondedAtMs_State",
                table: "tickets",
                columns: new[] { "RespondedAtMs", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_venues_Name",
                table: "venues",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wecom_messages_SeenAtMs",
                table: "wecom_messages",
                column: "SeenAtMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "booking_claims");

            migrationBuilder.DropTable(
                name: "bookings");

            migrationBuilder.DropTable(
                name: "console_accounts");

            migrationBuilder.DropTable(
                name: "council_seats");

            migrationBuilder.DropTable(
                name: "council_sessions");

            migrationBuilder.DropTable(
                name: "event_exceptions");

            migrationBuilder.DropTable(
                name: "event_minutes");

            migrationBuilder.DropTable(
                name: "event_registrations");

            migrationBuilder.DropTable(
                name: "event_schedules");

            migrationBuilder.DropTable(
                name: "group_chats");

            migrationBuilder.DropTable(
                name: "group_notice_deliveries");

            migrationBuilder.DropTable(
                name: "group_notices");

            migrationBuilder.DropTable(
                name: "handoff_sessions");

            migrationBuilder.DropTable(
                name: "inbox");

            migrationBuilder.DropTable(
                name: "knowledge_entries");

            migrationBuilder.DropTable(
                name: "mediator_days");

            migrationBuilder.DropTable(
                name: "mediator_profiles");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "person_buildings");

            migrationBuilder.DropTable(
                name: "prompt_active");

            migrationBuilder.DropTable(
                name: "prompt_versions");

            migrationBuilder.DropTable(
                name: "resident_buildings");

            migrationBuilder.DropTable(
                name: "sent_notices");

            migrationBuilder.DropTable(
                name: "template_deliveries");

            migrationBuilder.DropTable(
                name: "ticket_counters");

            migrationBuilder.DropTable(
                name: "ticket_history");

            migrationBuilder.DropTable(
                name: "tickets");

            migrationBuilder.DropTable(
                name: "venues");

            migrationBuilder.DropTable(
                name: "wecom_messages");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "buildings");

            migrationBuilder.DropTable(
                name: "compounds");
        }
    }
}
