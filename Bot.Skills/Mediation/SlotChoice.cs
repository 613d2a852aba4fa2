using Bot.Skills.Grid;
using Bot.Skills.Scheduling;

namespace Bot.Skills.Mediation;

/// <summary>A free session that can be booked: where, with whom, when.</summary>
public sealed record SlotChoice(Venue Venue, Person Mediator, TimeSlot Slot);
