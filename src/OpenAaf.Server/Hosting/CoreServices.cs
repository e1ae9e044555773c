using OpenAaf.Core.Chains;
using OpenAaf.Core.Directories;
using OpenAaf.Core.Endpoints;
using OpenAaf.Core.Enrollment;
using OpenAaf.Core.Logon;
using OpenAaf.Core.Methods;
using OpenAaf.Core.Methods.Finger;
using OpenAaf.Core.Methods.Hotp;
using OpenAaf.Core.Methods.LdapPassword;
using OpenAaf.Core.Methods.Password;
using OpenAaf.Core.Methods.Totp;
using OpenAaf.Core.Methods.U2f;
using OpenAaf.Core.Security;
using OpenAaf.Core.Sessions;
using OpenAaf.Core.Templates;
using OpenAaf.Core.Users;
using OpenAaf.Server.Http;

namespace OpenAaf.Server.Hosting;

/// <summary>Registers the domain services of Core; storage and directories are registered by their own projects.</summary>
public static class CoreServices
{
    public static IServiceCollection AddOpenAafCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new PasswordHasher());
        services.AddSingleton<DirectoryRegistry>();
        services.AddSingleton<UserResolver>();
        services.AddSingleton<TemplateSelector>();
        services.AddSingleton<LockoutService>();
        services.AddSingleton<EndpointSessionService>();
        services.AddSingleton<LoginSessionService>();
        services.AddSingleton<LogonEngine>();
        services.AddSingleton<ChainQuery>();
        services.AddSingleton<AdminVerifier>();
        services.AddSingleton<EndpointService>();
        services.AddSingleton<EndpointAuthThrottle>();
        services.AddSingleton<Readiness>();
        services.AddSingleton<IRandomSource>(CryptographicRandomSource.Instance);
        services.AddSingleton<IPublicUrlSource, ServerPublicUrl>();
        services.AddSingleton(sp => new TemplateSecrets(sp.GetRequiredService<SecretProtector>()));
        services.AddSingleton<MethodServices>();

        // One line per authentication method.
        services.AddSingleton<IAuthenticationMethod, LdapPasswordMethod>();
        services.AddSingleton<IAuthenticationMethod, PasswordMethod>();
        services.AddSingleton<IAuthenticationMethod, TotpMethod>().AddSingleton<IEnrollableMethod, TotpEnrollment>();
        services.AddSingleton<IAuthenticationMethod, HotpMethod>().AddSingleton<IEnrollableMethod, HotpEnrollment>();
        services.AddSingleton<U2fMethod>();
        services.AddSingleton<IAuthenticationMethod>(sp => sp.GetRequiredService<U2fMethod>());
        services.AddSingleton<IEnrollableMethod>(sp => sp.GetRequiredService<U2fMethod>());
        services.AddSingleton<FingerMethod>();
        services.AddSingleton<IAuthenticationMethod>(sp => sp.GetRequiredService<FingerMethod>()).AddSingleton<IEnrollableMethod>(sp => sp.GetRequiredService<FingerMethod>());
        services.AddSingleton<MethodRegistry>();
        services.AddSingleton<SessionAuthorizer>();
        services.AddSingleton<EnrollEngine>();
        services.AddSingleton<TemplateService>();
        return services;
    }
}
