#!/usr/bin/python3
# Regenerates expected.json from forms.txt and vars.json with Ansible 2.14's own Templar:
#   /usr/bin/python3 gen-expected.py > expected.json
# "file": the form as a template file (the template module: do_template, no backslash escaping);
# "value": the form as a task argument or set_fact value (Templar.template: native types kept),
#          given as Python's repr and type name.
import json, os, sys
from ansible.template import Templar
from ansible.parsing.dataloader import DataLoader

here = os.path.dirname(os.path.abspath(__file__))
text = open(os.path.join(here, 'forms.txt'), encoding='utf-8').read()
forms = text.split('\n=====\n')[1:]
forms[-1] = forms[-1][:-1] if forms[-1].endswith('\n') else forms[-1]
variables = json.load(open(os.path.join(here, 'vars.json'), encoding='utf-8'))
os.environ.pop('NO_SUCH_VAR_LVSPLAY', None)

def failure(e):
    return {"error": type(e).__name__}

out = []
for form in forms:
    entry = {"form": form}
    templar = Templar(loader=DataLoader(), variables=variables)
    try:
        entry["file"] = templar.do_template(form, preserve_trailing_newlines=True, escape_backslashes=False)
    except Exception as e:
        entry["file"] = failure(e)
    try:
        value = Templar(loader=DataLoader(), variables=variables).template(form)
        entry["value"] = {"repr": repr(value) if not isinstance(value, str) else str(value), "type": "str" if isinstance(value, str) else type(value).__name__}
    except Exception as e:
        entry["value"] = failure(e)
    out.append(entry)
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write('\n')
