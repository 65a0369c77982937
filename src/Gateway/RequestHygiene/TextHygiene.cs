using System.Text.Json;

namespace Gateway.RequestHygiene;

/// <summary>
/// Finds text no field may hold: control characters (NUL included; PostgreSQL cannot store NUL at all)
/// and unpaired UTF-16 surrogates (not encodable as UTF-8).
/// </summary>
internal static class TextHygiene
{
    public const string Problem = "must not contain control characters or unpaired surrogates.";

    public static bool IsClean(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the path of every string (value or property name) in <paramref name="element"/> that is not clean.</summary>
    public static void CollectDirtyFields(JsonElement element, string path, Dictionary<string, string[]> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!IsClean(property.Name))
                    {
                        errors[path.Length == 0 ? "(property name)" : path] = [Problem];
                        continue;
                    }

                    CollectDirtyFields(property.Value, child, errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CollectDirtyFields(item, $"{path}[{index++}]", errors);
                }

                break;
            case JsonValueKind.String when !IsCleanString(element):
                errors[path.Length == 0 ? "(body)" : path] = [Problem];
                break;
        }
    }

    // An escaped lone surrogate ("\ud800") cannot even be read as a string.
    private static bool IsCleanString(JsonElement element)
    {
        try
        {
            return IsClean(element.GetString());
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
