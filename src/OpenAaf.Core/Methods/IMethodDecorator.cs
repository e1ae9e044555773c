namespace OpenAaf.Core.Methods;

/// <summary>
/// A method wrapped by a cross-cutting concern (telemetry): the registry checks the wrapped implementation against its
/// descriptor, so a decorator never hides which class serves a method.
/// </summary>
public interface IMethodDecorator
{
    IAuthenticationMethod Inner { get; }
}
