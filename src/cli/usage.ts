// The command line's help texts and exit codes, in one place so the README can quote them.

export const EXIT = {
  /** A normal close: the close-on event or data, 204, the end of a stream not reconnected, --max-events, --timeout; mock stopped by a signal. */
  ok: 0,
  /** The connection failed, or reconnecting gave up; the mock server could not start. */
  failed: 1,
  /** A usage error, reported in one line on stderr. */
  usage: 2,
  /** Interrupted by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
  /** Terminated by SIGTERM (128 + SIGTERM). */
  terminated: 143,
} as const;

const EXIT_CODES = `Exit codes:
  0    normal close: the close-on event or data, HTTP 204, the server ended a
       stream that is not reconnected (a POST, or --reconnect never),
       --max-events or --timeout reached
  1    the connection failed (bad status or Content-Type, network error without
       reconnecting, reconnect limit reached); for mock: the port could not be used
  2    usage error (one line on stderr)
  130  interrupted with Ctrl-C (143 for SIGTERM)`;

export const GENERAL_USAGE = `Usage: sse-inspector <command> [options]

Inspect Server-Sent Events streams from the terminal.

Commands:
  connect <url>   Connect to an event stream and print every record
  mock            Run the built-in mock SSE server on 127.0.0.1

Options:
  -h, --help      Show help (also: sse-inspector <command> --help)
  --version       Show the version

${EXIT_CODES}
`;

export const CONNECT_USAGE = `Usage: sse-inspector connect <url> [options]

Connects to an event stream and prints one record per line: a live table, or
NDJSON with --json. Closes on the event named "end" by default.

Request:
  -X, --method <method>     HTTP method (default GET, or POST with --data)
  -H, --header <line>       Request header "Name: value" (repeatable)
  -d, --data <body>         Request body
  --with-credentials        Send the credentials below (as EventSource's
                            withCredentials) and judge CORS with them
  --cookie <value>          Cookie header value  (env SSE_INSPECTOR_COOKIE)
  --authorization <value>   Authorization value  (env SSE_INSPECTOR_AUTHORIZATION)
  --origin <origin>         Page origin: sent as Origin; the open record gets a
                            CORS verdict for it (redirects judged hop by hop)
  --connect-timeout <s>     Fail an attempt with no response headers after this
                            long (default: wait as long as the server takes)
  --insecure                INSECURE: trust any TLS certificate, for this
                            connection only (e.g. a self-signed dev certificate)

Session:
  --close-on <name>         Close when an event of this type arrives
                            (default end; --close-on '' never closes)
  --close-on-data <text>    Close when an event's data is exactly this, e.g. [DONE]
  --reconnect <when>        auto (default): reconnect a GET as EventSource does;
                            any other request ends with its body, never resent.
                            always: reconnect every request. never: one request
  --no-reconnect            Same as --reconnect never
  --max-reconnects <n>      Give up after n failed attempts in a row (a connection
                            that delivered no event counts as failed)
  --max-events <n>          Close after n events
  --timeout <seconds>       Close after this long

Output:
  --json                    NDJSON: one record per line, as JSON
  --text                    An LLM reply (OpenAI, Anthropic, Gemini streams,
                            recognized from the stream): its text on stdout as
                            it arrives, tool calls once complete; thinking,
                            errors and a one-line summary with usage and
                            timing on stderr. Other streams: each event's data
                            on its own line
  --path <json path>        With --text, for any JSON stream: the values at
                            this path are the text (e.g. choices[0].delta.content
                            or $.text); implies --text
  -h, --help                Show this help

Credentials are never printed. Prefer the environment variables to flags, so
that secrets stay out of the shell history.

${EXIT_CODES}
`;

export const MOCK_USAGE = `Usage: sse-inspector mock [options]

Runs the mock SSE server on 127.0.0.1 until Ctrl-C. GET /sse replays the
ten-message sequence from the article "Using Server-Sent Events in .NET": ten
"Hello SSE N" messages one per interval, then an "end" event.

Options:
  --port <n>          Port to listen on (default 0: any free port)
  --interval <ms>     Pause between messages (default 1000)
  --scenario <file>   Also serve a scenario file (JSON, see README) at its
                      "path", or /<name> for <name>.sse.json; repeatable
  --replay <file>     Serve a recording (connect --json output or a panel
                      export, NDJSON) at /replay
  --speed <n>         Replay pace: 1 as recorded (default), 10 ten times
                      faster, 0.5 half as fast, 0 as fast as possible
  -h, --help          Show this help

Query options on /sse:
  interval=<ms> count=<n> ids retry=<ms> drop=<n> burst=<n>
  cors=reflect|star|none  variant=ashx|core

GET / lists every stream served (built-in scenarios under /scenario/) as JSON.

Exit codes:
  0  stopped with Ctrl-C or SIGTERM
  1  the server could not start (e.g. the port is in use, a scenario file is invalid)
  2  usage error
`;
