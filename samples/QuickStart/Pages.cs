namespace QuickStart;

internal static class Pages
{
    public const string Login = """
        <!doctype html>
        <title>Sign in</title>
        <h1>Sign in</h1>
        <form method="post" action="/_server/Account/Login">
          <label>Name <input name="name" autofocus></label>
          <button>Sign in</button>
        </form>
        """;

    public const string Home = """
        <!doctype html>
        <title>QuickStart</title>
        <h1>QuickStart</h1>
        <p><a href="/_server/Account/Whoami">Who am I?</a> (signed out, this sends you to the login page)</p>
        <p><button id="fetch">Ask with fetch()</button> <output id="answer"></output></p>
        <form method="post" action="/_server/Account/Logout"><button>Sign out</button></form>
        <script>
          document.getElementById("fetch").onclick = async () => {
            const response = await fetch("/_server/Account/Whoami");
            document.getElementById("answer").textContent = response.ok
              ? await response.json()
              : `${response.status}: sign in at ${response.headers.get("X-Session-Redirect")}`;
          };
        </script>
        """;
}
