namespace OpenAaf.Server.Configuration;

/// <summary>The storage behind the server; PostgreSQL is refused until it exists.</summary>
public enum StorageProvider { Sqlite }
