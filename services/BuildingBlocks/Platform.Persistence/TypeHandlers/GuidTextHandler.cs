using System.Data;
using Dapper;

namespace Platform.Persistence.TypeHandlers;

/// <summary>Ids are stored as canonical text in both engines so rows read the same everywhere.</summary>
internal sealed class GuidTextHandler : SqlMapper.TypeHandler<Guid>
{
    public override void SetValue(IDbDataParameter parameter, Guid value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = value.ToString("D");
    }

    public override Guid Parse(object value) => value switch
    {
        Guid g => g,
        string s => Guid.Parse(s),
        _ => throw new DataException($"cannot read an id from a {value.GetType().Name}"),
    };
}
