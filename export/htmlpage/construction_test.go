package htmlpage

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMarkupOnlyFromConstants checks what the writer's guarantee rests
// on, in the package's source: no code converts a value to markup, so
// markup can only come from constants; only webURLOf makes a webURL, after
// checking the URL; and only the writer's methods touch its buffer, so
// that nothing writes to the output but through them.
func TestMarkupOnlyFromConstants(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		checked++
		funcName := ""
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				funcName = n.Name.Name
				if n.Recv != nil && len(n.Recv.List) == 1 {
					if star, ok := n.Recv.List[0].Type.(*ast.StarExpr); ok {
						if id, ok := star.X.(*ast.Ident); ok && id.Name == "writer" {
							funcName = "(*writer)." + funcName
						}
					}
				}
			case *ast.CallExpr:
				if id, ok := n.Fun.(*ast.Ident); ok {
					switch {
					case id.Name == "markup":
						t.Errorf("%s: a conversion to markup: only constants may be markup", fset.Position(n.Pos()))
					case id.Name == "webURL" && funcName != "webURLOf":
						t.Errorf("%s: a conversion to webURL outside webURLOf", fset.Position(n.Pos()))
					}
				}
			case *ast.SelectorExpr:
				if n.Sel.Name == "buf" && (name != "writer.go" || !strings.HasPrefix(funcName, "(*writer).") && funcName != "newWriter") {
					t.Errorf("%s: the writer's buffer used outside its methods", fset.Position(n.Pos()))
				}
			case *ast.ImportSpec:
				if p := n.Path.Value; p == `"unsafe"` || p == `"reflect"` || p == `"html/template"` || p == `"text/template"` {
					t.Errorf("%s: imports %s", fset.Position(n.Pos()), p)
				}
			}
			return true
		})
	}
	assert.Greater(t, checked, 5, "the package's files were read")
}
