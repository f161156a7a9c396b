using Corps.Host.Cli;

return await CorpsCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
