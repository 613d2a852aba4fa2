using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Grid;

/// <summary>The roster's tables. The uniqueness rules are also checked in code, to answer in Chinese; these are the backstop.</summary>
internal static class GridModel
{
    /// <param name="postgres">PostgreSQL stores booleans as boolean, SQLite as 0/1: the partial index filter differs.</param>
    public static void ConfigureGrid(this ModelBuilder modelBuilder, bool postgres)
    {
        modelBuilder.Entity<CompoundRow>(compound =>
        {
            compound.ToTable("compounds");
            compound.HasIndex(c => c.Name).IsUnique();
        });
        modelBuilder.Entity<BuildingRow>(building =>
        {
            building.ToTable("buildings");
            building.HasIndex(b => new { b.CompoundId, b.Name }).IsUnique();
            building.HasOne<CompoundRow>().WithMany().HasForeignKey(b => b.CompoundId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PersonRow>(person =>
        {
            person.ToTable("people");
            person.HasIndex(p => p.WeComUserId).IsUnique().HasFilter((postgres ? "\"Active\"" : "\"Active\" = 1") + " AND \"WeComUserId\" IS NOT NULL");
            person.HasIndex(p => new { p.Role, p.CompoundId });
            person.HasOne<CompoundRow>().WithMany().HasForeignKey(p => p.CompoundId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<PersonBuildingRow>(link =>
        {
            link.ToTable("person_buildings");
            link.HasKey(l => new { l.PersonId, l.BuildingId });
            link.HasIndex(l => l.BuildingId);
            link.HasOne<PersonRow>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
            link.HasOne<BuildingRow>().WithMany().HasForeignKey(l => l.BuildingId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<ResidentBuildingRow>(resident =>
        {
            resident.ToTable("resident_buildings");
            resident.HasKey(r => new { r.Channel, r.UserId });
            resident.HasOne<BuildingRow>().WithMany().HasForeignKey(r => r.BuildingId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
