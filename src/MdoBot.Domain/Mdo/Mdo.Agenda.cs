namespace MdoBot.Domain.Mdo;

/// <summary>Chairs and the agenda: chair-only; while running only planned (not yet started) cases change.</summary>
public sealed partial class Mdo
{
    /// <summary>Makes <paramref name="chair"/> a chair. Returns false when already a chair.</summary>
    public bool AddChair(Participant actor, Participant chair)
    {
        MdoPolicy.DemandChair(this, actor);
        return AddChairCore(chair);
    }

    /// <summary>
    /// Recognises the meeting organizer (as reported by Teams, not by a user) as a chair.
    /// Returns false when already a chair.
    /// </summary>
    public bool AddOrganizerAsChair(Participant organizer) => AddChairCore(organizer);

    private bool AddChairCore(Participant chair)
    {
        EnsureNotClosed();
        MdoText.Person(chair, "chair");
        if (IsChair(chair.Id))
        {
            return false;
        }

        if (_chairs.Count >= MdoLimits.MaxChairs)
        {
            throw new MdoRuleException(MdoError.LimitReached, $"An MDO has at most {MdoLimits.MaxChairs} chairs.");
        }

        _chairs.Add(chair);
        return true;
    }

    /// <summary>Adds a planned case at the end of the agenda.</summary>
    public MdoCase AddCase(Participant actor, CaseDraft draft, int expectedAgendaVersion)
    {
        EnsureAgendaEdit(actor, expectedAgendaVersion);
        ArgumentNullException.ThrowIfNull(draft);
        var normalized = draft.Normalize();
        EnsureUniqueCode(normalized.Code, exceptCaseId: null);
        if (_cases.Count >= MdoLimits.MaxCases)
        {
            throw new MdoRuleException(MdoError.LimitReached, $"An MDO has at most {MdoLimits.MaxCases} cases.");
        }

        var added = new MdoCase($"c{LastCaseNumber + 1}", normalized);
        LastCaseNumber++;
        _cases.Add(added);
        BumpAgenda();
        return added;
    }

    /// <summary>Replaces the agenda fields of a planned case (not its goal, decisions, lead or actions).</summary>
    public void EditCase(Participant actor, string caseId, CaseDraft draft, int expectedAgendaVersion)
    {
        EnsureAgendaEdit(actor, expectedAgendaVersion);
        ArgumentNullException.ThrowIfNull(draft);
        var target = RequirePlannedCase(caseId, "edited");
        var normalized = draft.Normalize();
        EnsureUniqueCode(normalized.Code, exceptCaseId: target.Id);
        target.Apply(normalized);
        BumpAgenda();
    }

    /// <summary>Removes a planned case that has no actions.</summary>
    public void RemoveCase(Participant actor, string caseId, int expectedAgendaVersion)
    {
        EnsureAgendaEdit(actor, expectedAgendaVersion);
        var target = RequirePlannedCase(caseId, "removed");
        if (target.Actions.Count > 0)
        {
            throw MdoRuleException.State("A case with actions cannot be removed.");
        }

        _cases.Remove(target);
        BumpAgenda();
    }

    /// <summary>
    /// Moves a planned case to <paramref name="newIndex"/> (0-based, in the whole agenda). Started
    /// and done cases stay in front: a planned case cannot move before them.
    /// </summary>
    public void MoveCase(Participant actor, string caseId, int newIndex, int expectedAgendaVersion)
    {
        EnsureAgendaEdit(actor, expectedAgendaVersion);
        var target = RequirePlannedCase(caseId, "moved");
        if (newIndex < 0 || newIndex >= _cases.Count)
        {
            throw MdoRuleException.Invalid("newIndex", $"must be between 0 and {_cases.Count - 1}.");
        }

        if (newIndex < _cases.Count(c => c.Status != CaseStatus.Planned))
        {
            throw MdoRuleException.State("A planned case cannot move before a case that has started.");
        }

        var oldIndex = _cases.IndexOf(target);
        if (oldIndex == newIndex)
        {
            return;
        }

        _cases.RemoveAt(oldIndex);
        _cases.Insert(newIndex, target);
        BumpAgenda();
    }

    /// <summary>Sets the meeting length (15–480 minutes) used by <see cref="FitCheck"/>.</summary>
    public void SetMeetingLength(Participant actor, int minutes)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureNotClosed();
        MeetingLengthMinutes = MdoText.InRange(minutes, MdoLimits.MinMeetingMinutes, MdoLimits.MaxMeetingMinutes, "minutes");
    }

    /// <summary>Planned time (time boxes plus extensions) against the meeting length, when known.</summary>
    public FitCheck FitCheck()
    {
        var planned = _cases.Sum(c => c.PlannedMinutes);
        var meeting = MeetingLengthMinutes ?? ScheduledMinutes();
        return meeting is { } m
            ? new FitCheck(planned, m, planned <= m, Math.Max(0, planned - m))
            : new FitCheck(planned, null, true, 0);
    }

    private int? ScheduledMinutes() =>
        ScheduledStart is { } start && ScheduledEnd is { } end && end > start
            ? (int)Math.Floor((end - start).TotalMinutes)
            : null;

    private void EnsureAgendaEdit(Participant actor, int expectedAgendaVersion)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureNotClosed();
        EnsureAgendaVersion(expectedAgendaVersion);
    }

    private MdoCase RequirePlannedCase(string caseId, string verb)
    {
        var found = RequireCase(caseId);
        return found.Status == CaseStatus.Planned
            ? found
            : throw MdoRuleException.State($"Case '{caseId}' has started and cannot be {verb}.");
    }

    private void EnsureUniqueCode(string code, string? exceptCaseId)
    {
        if (_cases.Any(c => c.Id != exceptCaseId && string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new MdoRuleException(MdoError.DuplicateCode, "Another case in this MDO has the same code.", "code");
        }
    }
}
