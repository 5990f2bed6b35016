package htmlpage

// css is the page's style sheet: the colour of each kind category (a
// colour is never the only cue: the legend and the kind badge name it),
// dashed borders for events that have not occurred, and a print layout
// that prints the address of each link.
const css markup = `
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
