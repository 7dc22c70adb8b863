namespace SalesOS.Testing;

/// <summary>Where the repository and the built programs are, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration this test assembly was built in.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string SiloDll => Path.Combine(Root, "silo", "SalesOS.Silo", "bin", Configuration, "net10.0", "SalesOS.Silo.dll");

    public static string ClientApiDll => Path.Combine(Root, "client-api", "SalesOS.ClientApi", "bin", Configuration, "net10.0", "SalesOS.ClientApi.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesOS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SalesOS.sln not found above " + AppContext.BaseDirectory);
    }
}
