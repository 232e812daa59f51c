using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bayan.Changes;

/// <summary>
/// One row that every process moves by one when it announces a change (<see cref="ChangeCounter"/>),
/// so that a process that did not make the change (the server, while `bayan site-dates` or a second
/// process wrote) notices it by reading one number.
/// </summary>
public sealed class ChangeCount
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}

internal sealed class ChangeCountConfiguration : IEntityTypeConfiguration<ChangeCount>
{
    public void Configure(EntityTypeBuilder<ChangeCount> entity) => entity.Property(c => c.Id).ValueGeneratedNever();
}
