using AccessPmc.Backup;

return await BackupCommand.RunAsync(args, Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value), Console.Error, CancellationToken.None);
