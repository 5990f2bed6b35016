package htmlpage

import "html/template"

var pageTemplate = template.Must(template.New("page").Parse(pageHTML + svgTemplate))

const css = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#ffffff;--rule:#d0d0d0;--treaty:#1f4e9c;--contact:#1b6e35;--communication:#8a4b00;--relations:#8e2a6b;--other:#555555}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 Georgia,"Times New Roman",serif}
header,main,nav.legend,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{border-bottom:3px solid var(--fg);padding-top:1.5rem;padding-bottom:1rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 .5rem}
h2,h3,h4,h5,.kind,.badge,.status,nav.legend,.meta,figcaption,.caption{font-family:"Helvetica Neue",Arial,sans-serif}
h2.year{font-size:1.75rem;border-bottom:1px solid var(--rule);margin:2rem 0 .5rem}
h3.month{font-size:1.3rem;margin:1.5rem 0 .25rem}
h4.day{font-size:1.1rem;color:var(--muted);margin:1rem 0 .5rem}
h5{font-size:1.15rem;margin:.25rem 0}
.lede{font-size:1.15rem;color:var(--muted)}
nav.legend ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0}
nav.legend li{display:flex;align-items:center;gap:.4rem}
.swatch{display:inline-block;width:1rem;height:1rem;border-radius:2px}
.swatch.hollow{background:#fff;border:2px dashed var(--fg)}
.cat-treaty{--c:var(--treaty)}.cat-contact{--c:var(--contact)}.cat-communication{--c:var(--communication)}.cat-relations{--c:var(--relations)}.cat-other{--c:var(--other)}
.swatch{background:var(--c)}
.chart{overflow-x:auto;margin:1rem 0}
.chart svg{max-width:100%;height:auto}
article{border:1px solid var(--rule);border-left:6px solid var(--c);padding:.75rem 1rem;margin:.75rem 0;background:#fff}
article.prospective{border-style:dashed;border-left-style:dashed;background:#fafafa}
.kind{display:inline-block;background:var(--c);color:#fff;font-size:.8rem;font-weight:bold;padding:.1rem .4rem;border-radius:2px}
.badge{display:inline-block;border:2px dashed var(--fg);color:var(--fg);font-size:.8rem;font-weight:bold;text-transform:uppercase;letter-spacing:.05em;padding:0 .4rem;margin-left:.4rem}
.status{font-size:.8rem;color:var(--muted);margin-left:.4rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0;font-size:.95rem}
dl.meta dt{font-weight:bold;color:var(--muted)}dl.meta dd{margin:0}
ul.parts{margin:0;padding-left:1.1rem}
code{font-size:.85em;color:var(--muted)}
figure.quote{margin:.75rem 0 .75rem 1rem}
blockquote{margin:0;padding-left:1rem;border-left:3px solid var(--rule);font-style:italic}
.translation{margin:.25rem 0 0 1rem;color:var(--muted)}
figcaption{font-size:.85rem;color:var(--muted);margin-left:1rem}
a{color:#0b4f9e}
footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--rule);margin-top:2rem;padding-bottom:2rem}
@media print{
body{font-size:11pt;color:#000}
header,main,nav.legend,footer{max-width:none;padding:0}
article{break-inside:avoid;background:none}
h2,h3,h4{break-after:avoid}
.chart{break-inside:avoid}
a{color:#000;text-decoration:none}
a[href]::after{content:" <" attr(href) ">";font-size:.8em;word-break:break-all}
}
`

const pageHTML = `{{define "page"}}<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>` + css + `</style>
</head>
<body>
<header>
<h1>{{.Title}}</h1>
{{range .Description}}<p class="lede">{{.}}</p>
{{end}}</header>
<nav class="legend" aria-label="Legend">
<h2>Legend</h2>
<ul>
{{range .Legend}}<li class="cat-{{.Class}}"><span class="swatch" aria-hidden="true"></span><strong>{{.Label}}</strong> <span title="{{.Kinds}}">({{.Kinds}})</span></li>
{{end}}<li><span class="swatch hollow" aria-hidden="true"></span><strong>Planned, announced</strong> (dashed border and badge; occurred events are solid)</li>
</ul>
</nav>
<main>
<h2>Overview</h2>
<figure class="chart">
{{template "svg" .SVG}}
</figure>
{{with .Detail}}<figure class="chart">
{{template "svg" .}}
</figure>
{{end}}
{{range .Years}}<section aria-labelledby="{{.ID}}">
<h2 class="year" id="{{.ID}}">{{.Label}}</h2>
{{range .Months}}<section>
<h3 class="month">{{.Label}}</h3>
{{range .Sections}}<section>
<h4 class="day">{{if .Datetime}}<time datetime="{{.Datetime}}">{{.Heading}}</time>{{else}}{{.Heading}}{{end}}</h4>
{{range .Events}}<article id="{{.ID}}" class="cat-{{.Category}} st-{{.Status}}{{if .Prospective}} prospective{{end}}">
<p><span class="kind">{{.CatLabel}} · {{.Kind}}</span>{{if .Prospective}}<span class="badge">{{.StatusLabel}}</span>{{else}}<span class="status">{{.StatusLabel}}</span>{{end}}</p>
<h5>{{.Title}}</h5>
<dl class="meta">
<dt>When</dt><dd>{{if .DateText}}{{.DateText}}{{if .Readable}} ({{if .Datetime}}<time datetime="{{.Datetime}}">{{.Readable}}</time>{{else}}{{.Readable}}{{end}}){{end}}{{else if .Datetime}}<time datetime="{{.Datetime}}">{{.Readable}}</time>{{else if .Readable}}{{.Readable}}{{else}}Date unknown{{end}}{{if .EDTF}} <code>{{.EDTF}}</code>{{end}}</dd>
{{if .Participants}}<dt>Participants</dt><dd><ul class="parts">{{range .Participants}}<li>{{.Name}} ({{.Role}}{{if .Capacity}}, {{.Capacity}}{{end}})</li>{{end}}</ul></dd>
{{end}}{{if .Place}}<dt>Place</dt><dd>{{.Place}}</dd>
{{end}}{{if .Instrument}}<dt>Instrument</dt><dd>{{.Instrument}}</dd>
{{end}}{{if .Tags}}<dt>Tags</dt><dd>{{.Tags}}</dd>
{{end}}{{if .Sources}}<dt>Sources</dt><dd>{{range $i, $s := .Sources}}{{if $i}}; {{end}}{{if $s.URL}}<a href="{{$s.URL}}"{{with $s.Lang}} hreflang="{{.}}"{{end}}>{{$s.Label}}</a>{{else}}<cite>{{$s.Label}}</cite>{{end}}{{with $s.Published}} ({{.}}){{end}}{{end}}</dd>
{{end}}</dl>
{{range .Description}}<p>{{.}}</p>
{{end}}{{range .Sources}}{{range .Quotes}}<figure class="quote">
<blockquote{{with .Lang}} lang="{{.}}"{{end}}><p>{{.Text}}</p></blockquote>
{{if .Translation}}<p class="translation"{{with .TranslationLang}} lang="{{.}}"{{end}}>{{.Translation}}</p>
{{end}}{{if .Attribution}}<figcaption>— {{.Attribution}}</figcaption>
{{end}}</figure>
{{end}}{{end}}</article>
{{end}}</section>
{{end}}</section>
{{end}}</section>
{{end}}</main>
<footer>
<p>{{.Count}} events.</p>
</footer>
</body>
</html>
{{end}}`

const svgTemplate = `{{define "svg"}}<svg xmlns="http://www.w3.org/2000/svg" width="{{.W}}" height="{{.H}}" viewBox="0 0 {{.W}} {{.H}}" role="img" aria-labelledby="{{.Prefix}}-title {{.Prefix}}-desc" font-family="Helvetica, Arial, sans-serif" font-size="12">
<title id="{{.Prefix}}-title">{{.Title}}</title>
<desc id="{{.Prefix}}-desc">{{.Desc}}</desc>
<defs>
{{range .Gradients}}<linearGradient id="{{.ID}}" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="{{.Colour}}" stop-opacity="{{.A0}}"/><stop offset="0.5" stop-color="{{.Colour}}" stop-opacity="{{.A1}}"/><stop offset="1" stop-color="{{.Colour}}" stop-opacity="{{.A2}}"/></linearGradient>
{{end}}</defs>
<rect x="0" y="0" width="{{.W}}" height="{{.H}}" fill="#ffffff"/>
<g class="lanes">
{{range .Lanes}}{{if .Stripe}}<rect x="0" y="{{.Y}}" width="100%" height="{{.H}}" fill="#f2f2f2"/>{{end}}<text x="6" y="{{.TextY}}" fill="#1a1a1a">{{.Label}}</text>
{{end}}</g>
<g class="axis" stroke="#8a8a8a">
<line x1="{{.PlotX}}" x2="{{.PlotR}}" y1="{{.AxisY}}" y2="{{.AxisY}}"/>
{{range .Ticks}}<line x1="{{.X}}" x2="{{.X}}" y1="30" y2="{{$.AxisY}}" stroke-opacity="0.35"/><text x="{{.X}}" y="24" text-anchor="middle" fill="#1a1a1a" stroke="none">{{.Label}}</text>
{{end}}</g>
<g class="links" stroke-width="1.5">
{{range .Links}}<line x1="{{.X}}" x2="{{.X}}" y1="{{.Y1}}" y2="{{.Y2}}" stroke="{{.Colour}}"{{if .Dash}} stroke-dasharray="{{.Dash}}"{{end}}/>
{{end}}</g>
<g class="marks" stroke-width="2">
{{range .Marks}}{{if .Circle}}<circle cx="{{.X}}" cy="{{.Y}}" r="{{.R}}" fill="{{.Fill}}" stroke="{{.Stroke}}"{{if .Dash}} stroke-dasharray="{{.Dash}}"{{end}}><title>{{.Title}}</title></circle>{{else}}<rect x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="2" fill="{{.Fill}}" stroke="{{.Stroke}}"{{if .Dash}} stroke-dasharray="{{.Dash}}"{{end}}><title>{{.Title}}</title></rect>{{end}}
{{end}}</g>
<text x="6" y="{{.CaptionY}}" fill="#4a4a4a">{{.Caption}}</text>
</svg>{{end}}`
