using System.Text.Json.Serialization;

namespace MdoBot.Domain.Mdo;

public sealed partial class Mdo
{
    /// <summary>When the whole MDO's content was erased (retention period over, or a chair's request).</summary>
    [JsonInclude] public DateTimeOffset? ContentErasedAt { get; private set; }

    /// <summary>A chair erases one case's content at once (after a confirmation in the UI).</summary>
    public void EraseCase(Participant actor, string caseId)
    {
        MdoPolicy.DemandChair(this, actor);
        var index = _cases.FindIndex(c => c.Id == caseId);
        if (index < 0)
        {
            throw new MdoRuleException(MdoError.NotFound, "Case not found.");
        }

        if (_cases[index].Status == CaseStatus.Current)
        {
            throw MdoRuleException.State("The case being discussed cannot be erased; go to the next case first.");
        }

        _cases[index].EraseContent(index + 1);
        AgendaVersion++;
    }

    /// <summary>A chair erases the whole MDO's content at once (after a confirmation in the UI); closes it if needed.</summary>
    public void EraseAll(Participant actor, DateTimeOffset now)
    {
        MdoPolicy.DemandChair(this, actor);
        EraseContentBySystem(now);
    }

    /// <summary>
    /// The retention job (or <see cref="EraseAll"/>): removes all free text and all people — title,
    /// chairs, case content, action texts — keeping only anonymous numbers. Returns false when already erased.
    /// </summary>
    public bool EraseContentBySystem(DateTimeOffset now)
    {
        if (ContentErasedAt is not null)
        {
            return false;
        }

        if (State != MdoState.Closed)
        {
            CloseBySystem(now);
        }

        for (var i = 0; i < _cases.Count; i++)
        {
            _cases[i].EraseContent(i + 1);
        }

        Title = DefaultTitle;
        _chairs.Clear();
        _personalLanguages.Clear();
        ContentErasedAt = now;
        AgendaVersion++;
        return true;
    }
}
