namespace PulsePipeline.Workspace;

/// <summary>Which host serves the workspace; it decides who may sign people in.</summary>
public enum WorkspaceHost
{
    /// <summary>`pulse host` on Kestrel: only the development sign-in, only on loopback, only with PULSE_DEV_SIGNIN on.</summary>
    Local,

    /// <summary>The Azure Functions app: only App Service Authentication, and only while the platform says it is on.</summary>
    Functions,
}
