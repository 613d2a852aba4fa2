using Microsoft.EntityFrameworkCore;

namespace Bot.Connectors.Storage.Bookings;

/// <summary>The booking tables. The claim key and the guarded counters are the rules; code only words the answers.</summary>
internal static class BookingModel
{
    public static void ConfigureBookings(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BookingRow>(booking =>
        {
            booking.ToTable("bookings");
            booking.HasIndex(b => b.Number).IsUnique();
            booking.HasIndex(b => new { b.Channel, b.UserId });
            booking.HasIndex(b => new { b.State, b.HeldUntilMs });
            booking.HasIndex(b => b.StartMs);
        });
        modelBuilder.Entity<BookingClaimRow>(claim =>
        {
            claim.ToTable("booking_claims");
            claim.HasKey(c => new { c.Resource, c.TickMs });
            claim.HasIndex(c => c.Owner);
        });
        modelBuilder.Entity<MediatorDayRow>(day =>
        {
            day.ToTable("mediator_days", t => t.HasCheckConstraint("CK_mediator_days_count", "\"Count\" >= 0"));
            day.HasKey(d => new { d.MediatorId, d.Day });
        });
        modelBuilder.Entity<VenueRow>(venue =>
        {
            venue.ToTable("venues");
            venue.HasIndex(v => v.Name).IsUnique();
        });
        modelBuilder.Entity<MediatorProfileRow>(profile =>
        {
            profile.ToTable("mediator_profiles");
            profile.HasKey(p => p.PersonId);
            profile.Property(p => p.PersonId).ValueGeneratedNever();
        });
        modelBuilder.Entity<CouncilSessionRow>(session =>
        {
            session.ToTable("council_sessions", t => t.HasCheckConstraint("CK_council_sessions_seats", "\"Taken\" <= \"Seats\""));
            session.HasIndex(s => s.StartMs);
        });
        modelBuilder.Entity<CouncilSeatRow>(seat =>
        {
            seat.ToTable("council_seats");
            seat.HasKey(s => new { s.SessionId, s.Channel, s.UserId });
            seat.HasIndex(s => new { s.Channel, s.UserId });
        });
    }
}
