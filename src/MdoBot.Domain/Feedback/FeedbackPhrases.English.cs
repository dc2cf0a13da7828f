namespace MdoBot.Domain.Feedback;

internal sealed partial record FeedbackPhrases
{
    public static FeedbackPhrases English { get; } = new()
    {
        Greeting = "Dear {0},",
        GreetingFallbackName = "parent(s)",
        DiscussedHeading = "What we talked about",
        MetOn = "On {0}, a few professionals met to talk about your family.",
        MetUndated = "A few professionals met to talk about your family.",
        StartedFromFamily = "We started from what matters to you.",
        Want = "What you want: {0}",
        CanDo = "What you can do yourself: {0}",
        Need = "What you need: {0}",
        AgreedHeading = "What we want to achieve",
        Goal = "Together with you, we want to achieve this: {0}",
        ActionsHeading = "Who does what",
        ActionBy = "{0} will do this by {1}: {2}",
        ActionByNoOwner = "This will be done by {0}: {1}",
        ActionDone = "{0} has already done this: {1}",
        ActionDoneNoOwner = "This has already been done: {0}",
        ContactHeading = "Your contact person",
        Contact = "Your contact person is {0}.",
        ContactQuestions = "You can always ask this person your questions.",
        ContactUnknown = "The chair of the meeting will let you know who your contact person will be.",
        NextHeading = "When you will hear from us",
        NextBy = "You will hear from us by {0}.",
        NextUnknown = "We will let you know when you will hear from us again.",
        Closing = "Do you have questions? Please get in touch with us.",
        Regards = "Kind regards,",
        Months =
        [
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December",
        ],
    };
}
