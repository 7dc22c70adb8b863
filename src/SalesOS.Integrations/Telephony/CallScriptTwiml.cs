using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SalesOS.Outreach.Ports;

namespace SalesOS.Integrations.Telephony;

/// <summary>
/// Turns a call's script into TwiML: each paragraph is read with &lt;Say&gt;, then the person's answer is
/// recorded with &lt;Record&gt; (transcribed to the transcription callback when there is one), then the call
/// hangs up. Twilio's Calls API has no transcription parameter of its own: transcripts come from
/// &lt;Record transcribe&gt;. The XML writer escapes everything the script contains.
/// </summary>
public static class CallScriptTwiml
{
    /// <summary>Twilio's limit for TwiML passed inline with a call.</summary>
    public const int MaxLength = 4000;

    public static string Build(OutboundCall call, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(options);
        var response = new XElement("Response");
        foreach (var paragraph in Paragraphs(call.Script))
        {
            var say = new XElement("Say", paragraph);
            if (!string.IsNullOrWhiteSpace(options.Voice))
            {
                say.SetAttributeValue("voice", options.Voice);
            }

            if (!string.IsNullOrWhiteSpace(options.Language))
            {
                say.SetAttributeValue("language", options.Language);
            }

            response.Add(say);
        }

        if (call.Record || call.TranscriptionCallback is not null || call.RecordingCallback is not null)
        {
            response.Add(AnswerRecording(call, options));
        }

        response.Add(new XElement("Hangup"));
        return response.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Records until 5 s of silence, so a short answer is not followed by a long wait.</summary>
    private static XElement AnswerRecording(OutboundCall call, TwilioOptions options)
    {
        var record = new XElement(
            "Record",
            new XAttribute("maxLength", Math.Max(5, options.AnswerMaxSeconds).ToString(CultureInfo.InvariantCulture)),
            new XAttribute("timeout", "5"),
            new XAttribute("playBeep", "true"));
        if (call.TranscriptionCallback is { } transcription)
        {
            record.SetAttributeValue("transcribe", "true");
            record.SetAttributeValue("transcribeCallback", transcription.OriginalString);
        }

        // A call recorded as a whole reports that recording, which holds the answer too; one report is enough.
        if (call.RecordingCallback is { } recording && !call.Record)
        {
            record.SetAttributeValue("recordingStatusCallback", recording.OriginalString);
        }

        return record;
    }

    /// <summary>One paragraph per line; characters XML cannot carry (control codes) are dropped rather than failing the call.</summary>
    private static IEnumerable<string> Paragraphs(string script) =>
        script.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Any(c => !XmlConvert.IsXmlChar(c)) ? string.Concat(line.Where(XmlConvert.IsXmlChar)) : line)
            .Where(line => line.Length > 0);
}
