using OpenAaf.Testing;

// One private PostgreSQL cluster for the whole assembly; every test takes its own database on it.
[assembly: AssemblyFixture(typeof(PostgresFixture))]
