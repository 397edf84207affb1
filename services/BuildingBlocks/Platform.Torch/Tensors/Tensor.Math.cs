using Platform.Torch.Native;

namespace Platform.Torch;

public sealed partial class Tensor
{
    private Tensor Unary(UnaryOp op) => new(LibTorch.pt_unary(Handle, (int)op));

    private Tensor Binary(Tensor other, BinaryOp op) => new(LibTorch.pt_binary(Handle, other.Handle, (int)op));

    // A double operand behaves like a Python float (int tensors promote); a long like a Python int.
    private Tensor Binary(double value, BinaryOp op) => new(LibTorch.pt_binary_scalar(Handle, value, 0, 0, (int)op));

    private Tensor Binary(long value, BinaryOp op) => new(LibTorch.pt_binary_scalar(Handle, 0, value, 1, (int)op));

#pragma warning disable CS1591 // the operators are the arithmetic they name
    public static Tensor operator +(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Add);
    public static Tensor operator +(Tensor a, double b) => a.Binary(b, BinaryOp.Add);
    public static Tensor operator +(Tensor a, long b) => a.Binary(b, BinaryOp.Add);
    public static Tensor operator +(double a, Tensor b) => b.Binary(a, BinaryOp.Add);
    public static Tensor operator -(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Sub);
    public static Tensor operator -(Tensor a, double b) => a.Binary(b, BinaryOp.Sub);
    public static Tensor operator -(Tensor a, long b) => a.Binary(b, BinaryOp.Sub);
    public static Tensor operator -(double a, Tensor b) => b.Binary(a, BinaryOp.ScalarMinus);
    public static Tensor operator *(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Mul);
    public static Tensor operator *(Tensor a, double b) => a.Binary(b, BinaryOp.Mul);
    public static Tensor operator *(Tensor a, long b) => a.Binary(b, BinaryOp.Mul);
    public static Tensor operator *(double a, Tensor b) => b.Binary(a, BinaryOp.Mul);
    public static Tensor operator /(Tensor a, Tensor b) => a.Binary(b, BinaryOp.Div);
    public static Tensor operator /(Tensor a, double b) => a.Binary(b, BinaryOp.Div);
    public static Tensor operator /(double a, Tensor b) => b.Binary(a, BinaryOp.ScalarOver);
    public static Tensor operator -(Tensor a) => a.Unary(UnaryOp.Neg);
#pragma warning restore CS1591

    /// <summary>−x</summary>
    public Tensor Neg() => Unary(UnaryOp.Neg);
    /// <summary>eˣ</summary>
    public Tensor Exp() => Unary(UnaryOp.Exp);
    /// <summary>Natural logarithm.</summary>
    public Tensor Log() => Unary(UnaryOp.Log);
    /// <summary>log(1 + x)</summary>
    public Tensor Log1p() => Unary(UnaryOp.Log1p);
    /// <summary>eˣ − 1</summary>
    public Tensor Expm1() => Unary(UnaryOp.Expm1);
    /// <summary>√x</summary>
    public Tensor Sqrt() => Unary(UnaryOp.Sqrt);
    /// <summary>1/√x</summary>
    public Tensor Rsqrt() => Unary(UnaryOp.Rsqrt);
    /// <summary>x²</summary>
    public Tensor Square() => Unary(UnaryOp.Square);
    /// <summary>|x|</summary>
    public Tensor Abs() => Unary(UnaryOp.Abs);
    /// <summary>−1, 0 or 1.</summary>
    public Tensor Sign() => Unary(UnaryOp.Sign);
    /// <summary>max(x, 0)</summary>
    public Tensor Relu() => Unary(UnaryOp.Relu);
    /// <summary>1/(1+e⁻ˣ)</summary>
    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid);
    /// <summary>Hyperbolic tangent.</summary>
    public Tensor Tanh() => Unary(UnaryOp.Tanh);
    /// <summary>Sine.</summary>
    public Tensor Sin() => Unary(UnaryOp.Sin);
    /// <summary>Cosine.</summary>
    public Tensor Cos() => Unary(UnaryOp.Cos);
    /// <summary>1/x</summary>
    public Tensor Reciprocal() => Unary(UnaryOp.Reciprocal);
    /// <summary>Rounds down.</summary>
    public Tensor Floor() => Unary(UnaryOp.Floor);
    /// <summary>Rounds up.</summary>
    public Tensor Ceil() => Unary(UnaryOp.Ceil);
    /// <summary>Rounds half to even.</summary>
    public Tensor Round() => Unary(UnaryOp.Round);
    /// <summary>Elementwise NOT (bool result).</summary>
    public Tensor LogicalNot() => Unary(UnaryOp.LogicalNot);
    /// <summary>Elementwise AND (bool result).</summary>
    public Tensor LogicalAnd(Tensor other) => Binary(other, BinaryOp.LogicalAnd);
    /// <summary>Elementwise OR (bool result).</summary>
    public Tensor LogicalOr(Tensor other) => Binary(other, BinaryOp.LogicalOr);
    /// <summary>True where x is NaN.</summary>
    public Tensor IsNan() => Unary(UnaryOp.IsNan);

    /// <summary>xᵉ with a scalar exponent.</summary>
    public Tensor Pow(double exponent) => Binary(exponent, BinaryOp.Pow);
    /// <summary>xᵉ elementwise.</summary>
    public Tensor Pow(Tensor exponent) => Binary(exponent, BinaryOp.Pow);
    /// <summary>Python-style modulo.</summary>
    public Tensor Remainder(double divisor) => Binary(divisor, BinaryOp.Remainder);
    /// <summary>Elementwise maximum.</summary>
    public Tensor Maximum(Tensor other) => Binary(other, BinaryOp.Maximum);
    /// <summary>Elementwise minimum.</summary>
    public Tensor Minimum(Tensor other) => Binary(other, BinaryOp.Minimum);
    /// <summary>Clamps into [min, max].</summary>
    public Tensor Clamp(double min, double max) => new(LibTorch.pt_clamp(Handle, min, max));
    /// <summary>Clamps from below.</summary>
    public Tensor ClampMin(double min) => Binary(min, BinaryOp.Maximum);
    /// <summary>Clamps from above.</summary>
    public Tensor ClampMax(double max) => Binary(max, BinaryOp.Minimum);

    /// <summary>x == y (bool tensor).</summary>
    public Tensor Eq(Tensor other) => Binary(other, BinaryOp.Eq);
    /// <summary>x == value.</summary>
    public Tensor Eq(double value) => Binary(value, BinaryOp.Eq);
    /// <summary>x != y.</summary>
    public Tensor Ne(Tensor other) => Binary(other, BinaryOp.Ne);
    /// <summary>x != value.</summary>
    public Tensor Ne(double value) => Binary(value, BinaryOp.Ne);
    /// <summary>x &lt; y.</summary>
    public Tensor Lt(Tensor other) => Binary(other, BinaryOp.Lt);
    /// <summary>x &lt; value.</summary>
    public Tensor Lt(double value) => Binary(value, BinaryOp.Lt);
    /// <summary>x ≤ y.</summary>
    public Tensor Le(Tensor other) => Binary(other, BinaryOp.Le);
    /// <summary>x ≤ value.</summary>
    public Tensor Le(double value) => Binary(value, BinaryOp.Le);
    /// <summary>x &gt; y.</summary>
    public Tensor Gt(Tensor other) => Binary(other, BinaryOp.Gt);
    /// <summary>x &gt; value.</summary>
    public Tensor Gt(double value) => Binary(value, BinaryOp.Gt);
    /// <summary>x ≥ y.</summary>
    public Tensor Ge(Tensor other) => Binary(other, BinaryOp.Ge);
    /// <summary>x ≥ value.</summary>
    public Tensor Ge(double value) => Binary(value, BinaryOp.Ge);

    /// <summary>Matrix product with broadcasting (torch.matmul).</summary>
    public Tensor MatMul(Tensor other) => new(LibTorch.pt_matmul(Handle, other.Handle));

    /// <summary>Picks from <paramref name="x"/> where <paramref name="condition"/> holds, else from <paramref name="y"/> (torch.where).</summary>
    public static Tensor Where(Tensor condition, Tensor x, Tensor y) => new(LibTorch.pt_where(condition.Handle, x.Handle, y.Handle));
}
