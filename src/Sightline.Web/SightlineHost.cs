using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Sightline.Core.Access;
using Sightline.Core.Audit;
using Sightline.Core.Data;
using Sightline.Core.Demo;
using Sightline.Web.Api;
using Sightline.Web.Auth;
using Sightline.Web.Infrastructure;
using Sightline.Web.Infrastructure.Email;

namespace Sightline.Web;

/// <summary>Everything the web host registers and the order of its middleware, in one place.</summary>
public static class SightlineHost
{
    public const string SignInRateLimit = "sign-in";
    public const string KnownProxiesSetting = "ForwardedHeaders:KnownProxies";

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://localhost:5080");

        services.AddSightlineCore(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<DemoPartnership>();
        services.AddScoped<DemoDashboardData>();
        services.AddHostedService<StartupDatabase>();
        services.AddNotificationEmail(builder.Configuration);
        services.AddHostedService<RhiReminderService>();
        services.AddHostedService<PanelActionReminderService>();

        services.AddIdentityCore<SightlineUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<SightlineDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<SightlineClaimsFactory>();
        services.Configure<SecurityStampValidatorOptions>(SessionValidation.Configure);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = "Sightline";
                options.DefaultChallengeScheme = "Sightline";
            })
            .AddPolicyScheme("Sightline", "Cookie or API token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? ApiTokenAuthentication.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "sightline";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30); // idle timeout: sliding, renewed while in use
            options.SlidingExpiration = true;
            options.LoginPath = "/sign-in";
            options.LogoutPath = "/sign-out";
            options.AccessDeniedPath = "/access-denied";
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
            });
        }
        services.AddAuthorization(Policies.Register);

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "sightline-antiforgery";
            options.Cookie.HttpOnly = true;
            // Antiforgery refuses to render a form at all over plain HTTP when this is Always, which
            // broke every form at `serve`'s own http://localhost address. Behind the TLS proxy the
            // request is HTTPS (forwarded headers) and the cookie is Secure; the sign-in cookie stays
            // Secure always, and browsers keep Secure cookies only on HTTPS or loopback.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddDataProtection().SetApplicationName("Sightline");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseXmlRepository(scopes));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client address: SignIn:AttemptsPerMinute sign-in posts (10 by default), then 429 until the minute is up.
            options.AddPolicy(SignInRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = context.RequestServices.GetRequiredService<IConfiguration>().GetValue("SignIn:AttemptsPerMinute", 10),
                            Window = TimeSpan.FromMinutes(1),
                            QueueLimit = 0,
                        })
                    : RateLimitPartition.GetNoLimiter("reads"));
            options.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute and try again.", token);
            };
        });

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/People", Policies.Records);
            options.Conventions.AuthorizeFolder("/Assessments", Policies.Records);
            options.Conventions.AuthorizeFolder("/Missing", Policies.Records);
            options.Conventions.AuthorizeFolder("/Panels", Policies.Records);
            options.Conventions.AuthorizeFolder("/VulnerableAdolescents", Policies.Records);
            options.Conventions.AuthorizeFolder("/Network", Policies.Records);
            options.Conventions.AuthorizeFolder("/PersonsOfConcern", Policies.Records);
            options.Conventions.AuthorizeFolder("/Places", Policies.Records);
            options.Conventions.AuthorizeFolder("/Oversight", Policies.Oversight);
            options.Conventions.AuthorizeFolder("/Admin", Policies.Administration);
            options.Conventions.AuthorizeFolder("/Insights", Policies.Aggregates);
            options.Conventions.AuthorizePage("/Insights/Imports", Policies.PerformanceImports);
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/TwoFactor");
            options.Conventions.AllowAnonymousToPage("/Account/SignedOut");
            options.Conventions.AllowAnonymousToPage("/Error");
            // The error page is re-executed with the failed request's method: a refused POST must not have its form
            // read (perhaps 100 MB) and its token checked again just to say what went wrong. It changes nothing.
            options.Conventions.AddPageApplicationModelConvention("/Error", model => model.Filters.Add(new Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute()));
            options.Conventions.AllowAnonymousToPage("/Accessibility");
        });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddProblemDetails();
        // Minimal APIs write JSON with relaxed escaping, so a value echoed in an answer (an unknown area in a problem's
        // title, say) would carry <script> as it is. Escape the HTML-sensitive characters; other text stays readable.
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // X-Forwarded-* are believed only from these proxies (besides loopback, ASP.NET's default):
            // from anyone else they are ignored, so a client cannot pose as another address. Behind a
            // load balancer on another machine, list its addresses (docs/OPERATIONS.md).
            foreach (var proxy in (builder.Configuration[KnownProxiesSetting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
    }

    public static void Configure(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseSightlineErrors();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(SessionValidation.FailUncheckedAsync);
        app.UseMiddleware<AccountGate>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapPeopleApi();
        app.MapAssessmentsApi();
        app.MapMissingApi();
        app.MapIndexApi();
        app.MapNotificationsApi();
        app.MapDashboardApi();
        app.MapNetworkApi();
        app.MapPanelsApi();
        if (app.Configuration.GetValue<bool>(BaselineApi.Setting)) app.MapBaselineApi(); // benchmarks only (docs/PERFORMANCE.md)
        app.MapRazorPages();
    }
}
