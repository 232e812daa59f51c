namespace Bayan.Data;

/// <summary>A setting that keeps Bayan from starting; the message names the setting and says what to do.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
