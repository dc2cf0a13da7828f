namespace MdoBot.Domain.Mdo;

/// <summary>"12 of 20 min": whole minutes used (rounded down) and planned.</summary>
public readonly record struct ClockMinutes(int UsedMinutes, int PlannedMinutes);
