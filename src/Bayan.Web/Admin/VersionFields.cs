using Bayan.Operations;

namespace Bayan.Web.Admin;

/// <summary>The fields of one language version in a form, with their problems.</summary>
public sealed record VersionFields(string Title, string? Slug, string Summary, string Body, IReadOnlyDictionary<string, Problem> Errors, string Language);
