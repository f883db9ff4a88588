using Microsoft.AspNetCore.Routing.Patterns;

namespace PulsePipeline.DeploymentTests.Bindings;

/// <summary>Whether a local route serves every path a Functions route template accepts.</summary>
internal static class RouteCoverage
{
    /// <summary>
    /// Segment by segment: literals equal (ignoring case), a parameter matched by a parameter, and a catch-all in
    /// the local route covers whatever is left. The local route may be wider (`/survey/{**token}` answers mangled
    /// links with a page), never narrower.
    /// </summary>
    public static bool Covers(RoutePattern local, string functionsRoute)
    {
        var function = RoutePatternFactory.Parse(functionsRoute);
        for (var i = 0; i < function.PathSegments.Count; i++)
        {
            if (i >= local.PathSegments.Count)
            {
                return false;
            }

            var mine = local.PathSegments[i];
            if (mine.Parts is [RoutePatternParameterPart { IsCatchAll: true }])
            {
                return true;
            }

            var theirs = function.PathSegments[i];
            if (theirs.Parts.Count != 1 || mine.Parts.Count != 1)
            {
                return false;
            }

            var same = (theirs.Parts[0], mine.Parts[0]) switch
            {
                (RoutePatternLiteralPart a, RoutePatternLiteralPart b) => string.Equals(a.Content, b.Content, StringComparison.OrdinalIgnoreCase),
                (RoutePatternParameterPart { IsCatchAll: false }, RoutePatternParameterPart) => true,
                _ => false,
            };
            if (!same)
            {
                return false;
            }
        }

        return local.PathSegments.Skip(function.PathSegments.Count).All(s => s.Parts is [RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { IsCatchAll: true }]);
    }
}
