using AccessPmc.SelfHost;

return await SelfHostApp.RunAsync(args);
