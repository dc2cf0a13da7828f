using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

/// <summary>
/// One case on the agenda of an MDO. Read-only from outside: every change goes through
/// <see cref="Mdo"/>, which checks who may do it.
/// </summary>
public sealed class MdoCase
{
    private List<MdoAction> _actions = [];

    internal MdoCase(string id, CaseDraft normalizedDraft)
    {
        Id = id;
        Apply(normalizedDraft);
    }

    [JsonConstructor]
    private MdoCase()
    {
    }

    /// <summary>Short id, stable and unique within the MDO ("c1", "c2", …; never reused).</summary>
    [JsonInclude] public string Id { get; private set; } = "";

    /// <summary>Pseudonymous case code such as "Gezin A" or "2026-017".</summary>
    [JsonInclude] public string Code { get; private set; } = "";

    [JsonInclude] public Participant? Presenter { get; private set; }

    [JsonInclude] public string? Question { get; private set; }

    [JsonInclude] public bool ParentsJoin { get; private set; }

    [JsonInclude] public int TimeBoxMinutes { get; private set; } = MdoLimits.DefaultTimeBoxMinutes;

    [JsonInclude] public FamilyView FamilyView { get; private set; } = FamilyView.Empty;

    [JsonInclude] public string? SharedGoal { get; internal set; }

    [JsonInclude] public string? Decisions { get; internal set; }

    /// <summary>The regiehouder: coordinates and owns the feedback to the parents.</summary>
    [JsonInclude] public Participant? CaseLead { get; internal set; }

    [JsonInclude]
    public IReadOnlyList<MdoAction> Actions
    {
        get => _actions.AsReadOnly();
        private set => _actions = [.. value];
    }

    [JsonInclude] public CaseStatus Status { get; private set; }

    /// <summary>When the case last became current.</summary>
    [JsonInclude] public DateTimeOffset? StartedAt { get; private set; }

    [JsonInclude] public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The sum of all extensions of the time box.</summary>
    [JsonInclude] public int ExtensionMinutes { get; private set; }

    /// <summary>Time used, to the second, over every stretch the case was current (not counting a running stretch).</summary>
    [JsonInclude] public int UsedSeconds { get; private set; }

    /// <summary>The parents' feedback: open, sent by e-mail or discussed in person (by whom, when).</summary>
    [JsonInclude] public FeedbackStatus Feedback { get; private set; }

    [JsonInclude] public string? FeedbackBy { get; private set; }

    [JsonInclude] public DateTimeOffset? FeedbackAt { get; private set; }

    /// <summary>True once the case's content was erased (retention or a chair's request).</summary>
    [JsonInclude] public bool ContentErased { get; private set; }

    /// <summary>
    /// Removes every free text and person of the case — code, question, family view, goal, decisions,
    /// presenter, case lead, action texts and owners — keeping only numbers (time, counts, statuses).
    /// </summary>
    internal void EraseContent(int position)
    {
        Code = $"#{position}";
        Question = null;
        FamilyView = FamilyView.Empty;
        SharedGoal = null;
        Decisions = null;
        Presenter = null;
        CaseLead = null;
        FeedbackBy = null;
        foreach (var action in _actions)
        {
            action.EraseContent();
        }

        ContentErased = true;
    }

    internal void RecordFeedback(FeedbackStatus status, string userId, DateTimeOffset now)
    {
        Feedback = status;
        FeedbackBy = userId;
        FeedbackAt = now;
    }

    /// <summary>Time box plus extensions.</summary>
    [JsonIgnore] public int PlannedMinutes => TimeBoxMinutes + ExtensionMinutes;

    internal void Apply(CaseDraft normalizedDraft)
    {
        Code = normalizedDraft.Code;
        Presenter = normalizedDraft.Presenter;
        Question = normalizedDraft.Question;
        ParentsJoin = normalizedDraft.ParentsJoin;
        TimeBoxMinutes = normalizedDraft.TimeBoxMinutes;
        FamilyView = normalizedDraft.FamilyView ?? FamilyView.Empty;
    }

    internal void Begin(DateTimeOffset now)
    {
        Status = CaseStatus.Current;
        StartedAt = now;
        EndedAt = null;
    }

    /// <summary>Stops the clock: adds the time since <see cref="StartedAt"/> (whole seconds) and marks the case done.</summary>
    internal void Finish(DateTimeOffset now)
    {
        var stretch = StartedAt is { } started ? now - started : TimeSpan.Zero;
        UsedSeconds += stretch > TimeSpan.Zero ? (int)Math.Floor(stretch.TotalSeconds) : 0;
        EndedAt = now;
        Status = CaseStatus.Done;
    }

    internal void Extend(int minutes) => ExtensionMinutes += minutes;

    internal void Add(MdoAction action) => _actions.Add(action);
}
