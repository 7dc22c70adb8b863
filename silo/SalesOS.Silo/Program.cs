using SalesOS.Silo.Hosting;

namespace SalesOS.Silo;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "migrate")
        {
            return await MigrateCommand.RunAsync(args[1..]);
        }

        if (args.Length > 0 && args[0] == "import")
        {
            return await ImportCommand.RunAsync(args[1..]);
        }

        await using var app = SiloHost.Build(args);
        await app.RunAsync();
        return 0;
    }
}
