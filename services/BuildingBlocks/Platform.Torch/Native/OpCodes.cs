namespace Platform.Torch.Native;

/// <summary>Op codes of pt_unary (mirror the switch in native/src/tensor_math.cpp).</summary>
internal enum UnaryOp
{
    Neg = 0, Exp = 1, Log = 2, Sqrt = 3, Abs = 4, Sign = 5, Relu = 6, Sigmoid = 7, Tanh = 8, Square = 9,
    Rsqrt = 10, Floor = 11, Ceil = 12, Round = 13, LogicalNot = 14, Sin = 15, Cos = 16, Log1p = 17,
    Expm1 = 18, Reciprocal = 19, IsNan = 20,
}

/// <summary>Op codes of pt_binary / pt_binary_scalar.</summary>
internal enum BinaryOp
{
    Add = 0, Sub = 1, Mul = 2, Div = 3, Pow = 4, Eq = 5, Ne = 6, Lt = 7, Le = 8, Gt = 9, Ge = 10,
    Maximum = 11, Minimum = 12, Remainder = 13, LogicalAnd = 14, LogicalOr = 15, ScalarMinus = 16, ScalarOver = 17,
}

/// <summary>Op codes of pt_reduce.</summary>
internal enum ReduceOp
{
    Sum = 0, Mean = 1, Prod = 2, Max = 3, Min = 4, ArgMax = 5, ArgMin = 6, Std = 7, Var = 8, LogSumExp = 9, All = 10, Any = 11,
}
