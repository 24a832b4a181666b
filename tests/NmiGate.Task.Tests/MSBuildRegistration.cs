using System.Runtime.CompilerServices;
using Microsoft.Build.Locator;

namespace NmiGate.MSBuild.Tests;

/// <summary>
/// Registers the installed .NET SDK's MSBuild once, when the test assembly loads and before any
/// MSBuild type is touched (the unit tests' fake engine and task base types come from it too).
/// </summary>
internal static class MSBuildRegistration
{
#pragma warning disable CA2255 // A test assembly: registering MSBuild must precede every test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        if (MSBuildLocator.IsRegistered)
        {
            return;
        }

        MSBuildLocator.RegisterDefaults();
    }
}
