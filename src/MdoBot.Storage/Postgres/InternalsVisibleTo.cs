using System.Runtime.CompilerServices;

// PostgresStore.Classify is unit-tested without a server.
[assembly: InternalsVisibleTo("MdoBot.Storage.Tests")]
