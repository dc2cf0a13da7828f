namespace MdoBot.Domain.Mdo;

/// <summary>Running the meeting: start, next case, extend, close.</summary>
public sealed partial class Mdo
{
    /// <summary>Planned → Running; the first case becomes current. Returns that case.</summary>
    public MdoCase Start(Participant actor, DateTimeOffset now)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureNotClosed();
        if (State != MdoState.Planned)
        {
            throw MdoRuleException.State("The MDO is already running.");
        }

        if (_cases.Count == 0)
        {
            throw MdoRuleException.State("An MDO needs at least one case to start.");
        }

        return StartFirstCase(now);
    }

    /// <summary>
    /// Start by the system (the Teams meeting-start event). Returns false and changes nothing when
    /// the MDO is not planned or has no cases: meeting events may come late or twice.
    /// </summary>
    public bool StartBySystem(DateTimeOffset now)
    {
        if (State != MdoState.Planned || _cases.Count == 0)
        {
            return false;
        }

        StartFirstCase(now);
        return true;
    }

    /// <summary>
    /// The current case is done (its time recorded) and the next planned case becomes current;
    /// returns it, or null when none is left (the MDO stays running until closed).
    /// <paramref name="expectedCurrentCaseId"/> is the current case the card showed (null: no
    /// check, e.g. a typed command); a mismatch is <see cref="MdoError.StaleAgenda"/>, so a
    /// repeated press advances only once.
    /// </summary>
    public MdoCase? NextCase(Participant actor, DateTimeOffset now, string? expectedCurrentCaseId)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureRunning();
        EnsureExpectedCurrent(expectedCurrentCaseId);
        var next = NextPlannedCase;
        if (CurrentCase is not { } current)
        {
            if (next is null)
            {
                throw MdoRuleException.State("There is no current or planned case.");
            }
        }
        else
        {
            current.Finish(now);
        }

        next?.Begin(now);
        CurrentCaseId = next?.Id;
        BumpAgenda();
        return next;
    }

    /// <summary>Adds 1–30 minutes to the time box of the current case.</summary>
    public void Extend(Participant actor, int minutes, DateTimeOffset now, string? expectedCurrentCaseId)
    {
        _ = now; // part of the signature for audit by callers; the clock derives from the case
        MdoPolicy.DemandChair(this, actor);
        EnsureRunning();
        EnsureExpectedCurrent(expectedCurrentCaseId);
        var current = CurrentCase ?? throw MdoRuleException.State("There is no current case to extend.");
        current.Extend(MdoText.InRange(minutes, MdoLimits.MinExtendMinutes, MdoLimits.MaxExtendMinutes, "minutes"));
    }

    /// <summary>Running or Planned → Closed; the current case's clock stops and its time is recorded.</summary>
    public void Close(Participant actor, DateTimeOffset now)
    {
        MdoPolicy.DemandChair(this, actor);
        EnsureNotClosed();
        CloseCore(now);
    }

    /// <summary>
    /// Close by the system (the Teams meeting-end event). Returns false when already closed:
    /// meeting events may come late or twice.
    /// </summary>
    public bool CloseBySystem(DateTimeOffset now)
    {
        if (State == MdoState.Closed)
        {
            return false;
        }

        CloseCore(now);
        return true;
    }

    private MdoCase StartFirstCase(DateTimeOffset now)
    {
        var first = _cases[0];
        State = MdoState.Running;
        StartedAt = now;
        first.Begin(now);
        CurrentCaseId = first.Id;
        BumpAgenda();
        return first;
    }

    private void CloseCore(DateTimeOffset now)
    {
        CurrentCase?.Finish(now);
        CurrentCaseId = null;
        State = MdoState.Closed;
        ClosedAt = now;
        BumpAgenda();
    }

    private void EnsureRunning()
    {
        EnsureNotClosed();
        if (State != MdoState.Running)
        {
            throw MdoRuleException.State("The MDO has not started.");
        }
    }
}
