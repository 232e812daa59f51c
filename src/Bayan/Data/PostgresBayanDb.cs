using Microsoft.EntityFrameworkCore;

namespace Bayan.Data;

public sealed class PostgresBayanDb(DbContextOptions<PostgresBayanDb> options) : BayanDb(options);
