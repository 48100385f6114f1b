using Hogwarts;

var app = HogwartsApp.Build(new WebApplicationOptions { Args = args });
app.Run();
