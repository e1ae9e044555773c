namespace OpenAaf.Server.Configuration;

public enum StorageProvider { Sqlite, Postgres }
