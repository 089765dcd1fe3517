using System.Net;
using AngleSharp.Io;

namespace ReportParser.Tests.Reading;

/// <summary>Records every request AngleSharp makes and answers none of them (a 404), for the no-network tests.</summary>
internal sealed class RecordingRequester : BaseRequester
{
    public List<string> Requests { get; } = [];

    public override bool SupportsProtocol(string protocol) => true;

    protected override Task<IResponse?> PerformRequestAsync(Request request, CancellationToken cancel)
    {
        lock (Requests)
        {
            Requests.Add(request.Address.Href);
        }

        return Task.FromResult<IResponse?>(new DefaultResponse { Address = request.Address, StatusCode = HttpStatusCode.NotFound });
    }
}
