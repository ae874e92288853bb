using IceWatch.Cli;

return args is ["diagnose", .. var rest]
    ? DiagnoseCommand.Run(rest, Console.Out, Console.Error)
    : Usage.Print(Console.Error);
