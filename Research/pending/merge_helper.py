import re,sys
src, topic = sys.argv[1], sys.argv[2]
A='Annotations/authorities/'
t=open(src).read()
def take(pattern):
    global t
    blocks=re.findall(pattern,t,re.S)
    t=re.sub(pattern,'',t,flags=re.S)
    return blocks
persons=take(r'\n?[ \t]*<listPerson>(.*?)</listPerson>')
places=take(r'\n?[ \t]*<listPlace>(.*?)</listPlace>')
events=take(r'\n?[ \t]*<listEvent>(.*?)</listEvent>')
partof=take(r'\n?[ \t]*<listRelation type="partOf">(.*?)</listRelation>')
def insert(fname, closing, content, after_first=True):
    p=A+fname; s=open(p).read()
    i=s.index(closing)
    s=s[:i]+content.rstrip()+'\n'+s[i:]
    open(p,'w').write(s)
for b in persons: insert('persons.xml','    </listPerson>', '\n'+b.strip('\n')+'\n')
for b in places: insert('places.xml','    </listPlace>', '\n'+b.strip('\n')+'\n')
for b in events: insert('events.xml','    </listEvent>', '\n'+b.strip('\n')+'\n')
for b in partof:
    p=A+'places.xml'; s=open(p).read()
    i=s.index('    </listRelation>', s.index('<listRelation type="partOf">'))
    s=s[:i]+b.strip('\n')+'\n'+s[i:]; open(p,'w').write(s)
t=re.sub(r'\n\s*\n\s*\n','\n\n',t)
open(A+'facts-'+topic+'.xml','w').write(t)
print('events',sum(b.count('<event ') for b in events),'persons',sum(b.count('<person ') for b in persons),'places',sum(b.count('<place ') for b in places),'facts',t.count('<relation '))
