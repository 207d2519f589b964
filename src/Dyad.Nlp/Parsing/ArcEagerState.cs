namespace Dyad.Nlp.Parsing;

/// <summary>
/// A configuration of the arc-eager transition system (Nivre 2003) with the artificial root (index 0) at the bottom
/// of the stack. Words are 1..N. Besides the stack and buffer it keeps what the features look at: the partial
/// tree's heads, labels, outermost children, valencies and label sets. Reused between sentences to avoid allocation.
/// </summary>
internal sealed class ArcEagerState
{
    public const int Shift = 0, Reduce = 1, LeftArc = 2, RightArc = 3, MoveCount = 4;

    public int N;
    public int[] Stack = new int[64];
    public int StackSize;
    /// <summary>Index of the first buffer word; the buffer is empty when it exceeds N.</summary>
    public int Buffer;
    public int[] Head = new int[64];
    public int[] Label = new int[64];
    public int[] Left1 = new int[64], Left2 = new int[64], Right1 = new int[64], Right2 = new int[64];
    public int[] LeftCount = new int[64], RightCount = new int[64];
    public ulong[] LeftLabels = new ulong[64], RightLabels = new ulong[64];
    public bool[] InStack = new bool[64];
    /// <summary>The word attached to the root, or -1; UD trees have exactly one.</summary>
    public int RootChild;

    public void Reset(int n)
    {
        N = n;
        int size = n + 2;
        if (Head.Length < size)
        {
            int cap = Math.Max(size, Head.Length * 2);
            Stack = new int[cap];
            Head = new int[cap];
            Label = new int[cap];
            Left1 = new int[cap]; Left2 = new int[cap]; Right1 = new int[cap]; Right2 = new int[cap];
            LeftCount = new int[cap]; RightCount = new int[cap];
            LeftLabels = new ulong[cap]; RightLabels = new ulong[cap];
            InStack = new bool[cap];
        }
        Array.Fill(Head, -1, 0, size);
        Array.Fill(Label, -1, 0, size);
        Array.Fill(Left1, -1, 0, size);
        Array.Fill(Left2, -1, 0, size);
        Array.Fill(Right1, -1, 0, size);
        Array.Fill(Right2, -1, 0, size);
        Array.Clear(LeftCount, 0, size);
        Array.Clear(RightCount, 0, size);
        Array.Clear(LeftLabels, 0, size);
        Array.Clear(RightLabels, 0, size);
        Array.Clear(InStack, 0, size);
        Stack[0] = 0;
        StackSize = 1;
        InStack[0] = true;
        Buffer = 1;
        RootChild = -1;
    }

    /// <summary>Makes this state a copy of <paramref name="o"/> (for beam search).</summary>
    public void CopyFrom(ArcEagerState o)
    {
        int size = o.N + 2;
        if (Head.Length < size) Reset(o.N);
        N = o.N;
        StackSize = o.StackSize;
        Buffer = o.Buffer;
        RootChild = o.RootChild;
        Array.Copy(o.Stack, Stack, o.StackSize);
        Array.Copy(o.Head, Head, size);
        Array.Copy(o.Label, Label, size);
        Array.Copy(o.Left1, Left1, size);
        Array.Copy(o.Left2, Left2, size);
        Array.Copy(o.Right1, Right1, size);
        Array.Copy(o.Right2, Right2, size);
        Array.Copy(o.LeftCount, LeftCount, size);
        Array.Copy(o.RightCount, RightCount, size);
        Array.Copy(o.LeftLabels, LeftLabels, size);
        Array.Copy(o.RightLabels, RightLabels, size);
        Array.Copy(o.InStack, InStack, size);
    }

    public bool IsTerminal => Buffer > N;
    public int S0 => Stack[StackSize - 1];
    public int S1 => StackSize >= 2 ? Stack[StackSize - 2] : -1;
    public int N0 => Buffer <= N ? Buffer : -1;
    public int N1 => Buffer + 1 <= N ? Buffer + 1 : -1;
    public int N2 => Buffer + 2 <= N ? Buffer + 2 : -1;

    public bool IsLegal(int move)
    {
        if (Buffer > N) return false;
        int s0 = S0;
        return move switch
        {
            Shift => true,
            Reduce => s0 != 0 && Head[s0] >= 0,
            LeftArc => s0 != 0 && Head[s0] < 0,
            RightArc => s0 != 0 || RootChild < 0,
            _ => false,
        };
    }

    /// <summary>The (head, dependent) pair an arc move would create.</summary>
    public (int Head, int Dependent) ArcOf(int move) => move == LeftArc ? (Buffer, S0) : (S0, Buffer);

    public void Apply(int move, int label)
    {
        switch (move)
        {
            case Shift:
                Push(Buffer++);
                break;
            case Reduce:
                InStack[Stack[--StackSize]] = false;
                break;
            case LeftArc:
                AddArc(Buffer, S0, label);
                InStack[Stack[--StackSize]] = false;
                break;
            case RightArc:
                AddArc(S0, Buffer, label);
                Push(Buffer++);
                break;
        }
    }

    private void Push(int word)
    {
        Stack[StackSize++] = word;
        InStack[word] = true;
    }

    public void AddArc(int head, int dep, int label)
    {
        Head[dep] = head;
        Label[dep] = label;
        if (head == 0) RootChild = dep;
        ulong bit = label >= 0 ? 1UL << label : 0;
        if (dep < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= bit;
            if (Left1[head] < 0 || dep < Left1[head]) { Left2[head] = Left1[head]; Left1[head] = dep; }
            else if (Left2[head] < 0 || dep < Left2[head]) Left2[head] = dep;
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= bit;
            if (Right1[head] < 0 || dep > Right1[head]) { Right2[head] = Right1[head]; Right1[head] = dep; }
            else if (Right2[head] < 0 || dep > Right2[head]) Right2[head] = dep;
        }
    }
}
