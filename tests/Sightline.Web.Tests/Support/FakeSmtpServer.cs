using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Web.Tests.Support;

/// <summary>One message as the fake server received it.</summary>
public sealed partial record ReceivedEmail(string From, IReadOnlyList<string> To, string Data)
{
    private string Headers => Data.Split("\r\n\r\n", 2)[0];
    private string RawBody => Data.Split("\r\n\r\n", 2) is [_, var body] ? body : "";

    public string? Header(string name)
    {
        var unfolded = Regex.Replace(Headers, "\r\n[ \t]+", " ");
        var line = unfolded.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        return line?[(name.Length + 1)..].Trim();
    }

    /// <summary>The subject with any RFC 2047 encoded words decoded.</summary>
    public string Subject
    {
        get
        {
            var raw = Header("Subject") ?? "";
            raw = EncodedWordGap().Replace(raw, "?==?");
            return EncodedWord().Replace(raw, m =>
            {
                var charset = Encoding.GetEncoding(m.Groups[1].Value);
                return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                    ? charset.GetString(Convert.FromBase64String(m.Groups[3].Value))
                    : DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' '), charset);
            });
        }
    }

    /// <summary>The body, decoded from quoted-printable or base64 when the headers say so.</summary>
    public string Body
    {
        get
        {
            var encoding = Header("Content-Transfer-Encoding")?.ToLowerInvariant();
            return encoding switch
            {
                "quoted-printable" => DecodeQuotedPrintable(RawBody, Encoding.UTF8),
                "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(RawBody.Replace("\r\n", ""))),
                _ => RawBody,
            };
        }
    }

    private static string DecodeQuotedPrintable(string text, Encoding charset)
    {
        text = text.Replace("=\r\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return charset.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex EncodedWordGap();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}

/// <summary>
/// Just enough of an SMTP server on 127.0.0.1 for <see cref="System.Net.Mail.SmtpClient"/>: 220,
/// EHLO/HELO, MAIL FROM, RCPT TO, DATA … ".", RSET, NOOP, QUIT. It keeps every message it accepts;
/// with <see cref="Refuse"/> set it turns every message away (554 to MAIL FROM).
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<ReceivedEmail> _messages = new();
    private int _refused;

    public FakeSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public IReadOnlyCollection<ReceivedEmail> Messages => _messages;
    public int Refused => Volatile.Read(ref _refused);
    public volatile bool Refuse;

    public IReadOnlyList<ReceivedEmail> WithSubject(string subject) => _messages.Where(m => m.Subject == subject).ToList();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake-smtp.test ESMTP ready");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.ToUpperInvariant();
                if (command.StartsWith("EHLO") || command.StartsWith("HELO")) await writer.WriteLineAsync("250 fake-smtp.test");
                else if (command.StartsWith("MAIL FROM:"))
                {
                    if (Refuse)
                    {
                        Interlocked.Increment(ref _refused);
                        await writer.WriteLineAsync("554 5.7.1 Refused for this test");
                        continue;
                    }
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                }
                else if (command.StartsWith("RCPT TO:"))
                {
                    to.Add(Address(line));
                    await writer.WriteLineAsync("250 2.1.5 OK");
                }
                else if (command == "DATA")
                {
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                    // The data was read as Latin-1 to keep every byte; the message itself is UTF-8 (or 7-bit).
                    var text = Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(data.ToString()));
                    _messages.Enqueue(new ReceivedEmail(from ?? "", to.ToList(), text));
                    await writer.WriteLineAsync("250 2.0.0 OK queued");
                }
                else if (command is "RSET" or "NOOP") await writer.WriteLineAsync("250 OK");
                else if (command == "QUIT")
                {
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                }
                else await writer.WriteLineAsync("502 5.5.2 Command not implemented");
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
            // The client hung up.
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
