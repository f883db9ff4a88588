using System.Security.Cryptography;
using System.Text;

namespace PulsePipeline.Workspace.Rendering;

/// <summary>
/// The workspace's one stylesheet, inline and allowed by its hash in the CSP, so no other style (and no script)
/// can run. Readable on a laptop and a tablet (tables scroll sideways inside their own box), AA contrast, visible
/// focus, 44 px touch targets; a print section drops navigation and forms and keeps tables whole.
/// </summary>
public static class WorkspaceStyle
{
    public static readonly string Css =
        "*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}" +
        "body{margin:0;font:1rem/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff}" +
        ".skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:#fff;color:#154273;padding:.5rem;z-index:2}" +
        "header{background:#154273;color:#fff}" +
        ".bar{max-width:80rem;margin:0 auto;padding:.5rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1.25rem}" +
        ".brand{margin:0;font-weight:700;margin-right:auto}" +
        "header a,header button{color:#fff;display:inline-block;padding:.6rem .25rem;min-height:44px;font:inherit}" +
        "header button{background:none;border:1px solid #fff;border-radius:4px;padding:.4rem .75rem;cursor:pointer}" +
        "header form{margin:0}nav ul{list-style:none;margin:0;padding:0;display:flex;gap:1rem;flex-wrap:wrap}" +
        "nav a[aria-current=page]{font-weight:700;text-decoration-thickness:.2em}" +
        "main{display:block;max-width:80rem;margin:0 auto;padding:1rem 1rem 3rem}" +
        "h1{font-size:1.75rem;line-height:1.25;margin:1rem 0}h2{font-size:1.3rem;margin:2rem 0 .75rem}h3{font-size:1.1rem;margin:1.5rem 0 .5rem}" +
        "a{color:#154273;text-decoration-thickness:.08em;text-underline-offset:.15em}" +
        "a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible,.scroll:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 6px #1b1b1b}" +
        ".note{background:#eef3f8;border-left:6px solid #154273;padding:.5rem 1rem;margin:1rem 0}" +
        ".later{border:2px dashed #5f5f5f;padding:.5rem 1rem;margin:1rem 0;color:#3b3b3b}" +
        ".scroll{overflow-x:auto;max-width:100%;position:relative}.scroll.tall{max-height:85vh;overflow:auto}" +
        "table{border-collapse:collapse;margin:.5rem 0 1rem}caption{text-align:left;font-weight:700;padding:.25rem 0}" +
        "th,td{border:1px solid #8a8a8a;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#eef3f8}" +
        "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}" +
        ".heat{table-layout:fixed}.heat td,.heat thead th{width:9rem;white-space:nowrap}.heat th[scope=row],.heat thead th:first-child{width:17rem}.heat td>b{margin-right:.25rem}.heat td>span{white-space:normal}.heat td.supp{white-space:normal}" +
        ".heat .none{background:#fff;color:#1b1b1b}.heat .supp{background:#e6e6e6;color:#1b1b1b;white-space:normal}" +
        ".heat thead th{position:sticky;top:0;z-index:2}.heat th[scope=row]{position:sticky;left:0;z-index:1;background:#fff}.heat thead th:first-child{left:0;z-index:3}" +
        ".depth1{padding-left:1.25rem}.depth2{padding-left:2.25rem}.depth3{padding-left:3.25rem}.depth4{padding-left:4.25rem}" +
        "details{margin:.5rem 0;border:1px solid #8a8a8a;padding:0 .5rem}summary{cursor:pointer;padding:.6rem 0;min-height:44px;font-weight:700}" +
        ".legend{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;font-size:.9rem}.legend li{border:1px solid #8a8a8a;padding:.1rem .4rem}" +
        ".chart{max-width:40rem;width:100%;height:auto;display:block}.charts{display:grid;gap:1.5rem}.charts>*{min-width:0}" +
        "dl{display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem}dd{margin:0;font-weight:700}" +
        ".summary{border:1px solid #8a8a8a;border-left:6px solid #154273;background:#f5f8fb;padding:0 1rem .75rem;margin:1rem 0}.summary h2{margin-top:.75rem}" +
        "dl.status dt{font-weight:700}dl.status dd{font-weight:400}.status ul,.summary ul{margin:0;padding-left:1.25rem}@media (max-width:40rem){dl.status{grid-template-columns:1fr}}" +
        ".path ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem}.path li+li::before{content:'\\203A';margin-right:.5rem}" +
        ".explains{margin:.25rem 0 0;font-weight:400;font-size:.9rem}.above-block{display:block;font-weight:400;font-size:.9rem;color:#3b3b3b}.count{font-weight:400}.hits li{margin:.4rem 0}.above{color:#3b3b3b}.legend.marks li{border:0}" +
        "form.find{display:flex;gap:.25rem;align-items:center}form.find input{width:13rem;min-height:40px;border-color:#fff}header form.find button{padding:.4rem .6rem}" +
        "[data-label=wave]{white-space:nowrap}td>data{white-space:nowrap}" +
        "@media (min-width:60rem){.charts{grid-template-columns:1fr 1fr}}" +
        "form.signin fieldset{border:0;padding:0;margin:1rem 0}form.signin label{display:block;padding:.4rem 0;min-height:44px}" +
        "input[type=text]{font:inherit;padding:.5rem;border:2px solid #5f5f5f;border-radius:4px;min-height:44px;width:min(100%,24rem)}" +
        "main button{font:inherit;font-weight:700;color:#fff;background:#154273;border:0;border-radius:6px;padding:.6rem 1.25rem;min-height:44px;cursor:pointer}" +
        "select,textarea,input[type=date]{font:inherit;padding:.5rem;border:2px solid #5f5f5f;border-radius:4px;min-height:44px;background:#fff;color:#1b1b1b}textarea{width:min(100%,40rem)}" +
        "form.filters fieldset{border:1px solid #8a8a8a;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}" +
        "form.record .field{margin:1rem 0}form.record label{display:block;font-weight:700}.hint{margin:.1rem 0 .3rem;color:#3b3b3b}" +
        ".problems{border:4px solid #b3261e;padding:.5rem 1rem;margin:1rem 0}.field-problem{color:#b3261e;font-weight:700;margin:.2rem 0}[aria-invalid=true]{border-color:#b3261e}" +
        ".notes{white-space:pre-wrap;max-width:30rem;overflow-wrap:anywhere}.catalogue{display:block}.catalogue dt{font-weight:700;margin-top:1rem}.catalogue dd{font-weight:400}" +
        ".pager{display:flex;gap:1.5rem;flex-wrap:wrap}.pager a{display:inline-block;padding:.6rem 0;min-height:44px}" +
        ".visually-hidden,.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}" +
        HeatPalette.Css() +
        // Print (the ministry report above all): A4, no header, forms or edit links; tables keep whole words and rows, their
        // header repeats on a new page; charts stand beside their tables.
        "@page{size:A4;margin:14mm 12mm}" +
        "@media print{header,.skip,.pager,form,form.filters,form.record,.edit{display:none}body{font-size:9pt;line-height:1.35}main{max-width:none;padding:0}" +
        "h1{font-size:15pt;margin:0 0 .3rem}h2{font-size:12pt;margin:.8rem 0 .3rem}h3{font-size:10pt;margin:.5rem 0 .2rem}p{margin:.3rem 0}" +
        ".scroll,.scroll.tall{overflow:visible;max-height:none}table{width:100%;table-layout:auto;margin:.2rem 0 .5rem;font-size:8pt}thead{display:table-header-group}" +
        "tr,figure,.chart,li{break-inside:avoid}th,td{padding:.1rem .3rem;white-space:normal;overflow-wrap:break-word;word-break:normal;hyphens:manual}" +
        "a{color:#000;text-decoration:none}details{border:0}.charts{display:grid;grid-template-columns:1fr 1fr;gap:.3cm;align-items:start}.charts.beside{grid-template-columns:minmax(0,2fr) minmax(min-content,3fr)}.chart{max-width:100%}" +
        ".summary{border:1px solid #000;background:none;padding:0 .4rem .2rem}.note{border-left:3px solid #000;background:none;padding:.1rem .4rem;margin:.3rem 0}" +
        ".legend{margin:.2rem 0}.legend li{border:0;padding:0 .3rem 0 0}h2,h3,caption{break-after:avoid}}";

    /// <summary>The CSP source that allows exactly <see cref="Css"/> and no other style.</summary>
    public static readonly string HashSource = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Css)))}'";
}
