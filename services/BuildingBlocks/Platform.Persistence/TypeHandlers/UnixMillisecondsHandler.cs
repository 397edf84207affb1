using System.Data;
using Dapper;

namespace Platform.Persistence.TypeHandlers;

/// <summary>
/// Timestamps are stored as Unix milliseconds (BIGINT) in both engines: exact, sortable and free of
/// the drivers' differing date handling.
/// </summary>
internal sealed class UnixMillisecondsHandler : SqlMapper.TypeHandler<DateTimeOffset>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override DateTimeOffset Parse(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
}
