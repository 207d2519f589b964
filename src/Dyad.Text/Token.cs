namespace Dyad.Text;

/// <summary>
/// A token as a half-open character range [Start, End) of the document text, plus its form.
/// The form is always the exact slice of the text: normalization lives in <see cref="Norm"/> so offsets never move.
/// </summary>
public readonly record struct Token(int Start, int End, string Text)
{
    /// <summary>True when whitespace follows the token in the original text (CoNLL-U SpaceAfter).</summary>
    public bool SpaceAfter { get; init; }

    /// <summary>Normalized form for models (curly quotes straightened, and so on); same as <see cref="Text"/> when nothing changed.</summary>
    public string Norm { get => field ?? Text; init; }

    public int Length => End - Start;
}
