using System.Runtime.CompilerServices;
using System.Text;

namespace ReportParser.Tests;

internal static class ModuleSetup
{
    [ModuleInitializer]
    internal static void RegisterEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
