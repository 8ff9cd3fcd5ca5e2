"""Common English words, tokenised once when the pipeline is built (see ``pipeline.py``).

Every check runs inside a spaCy memory zone, where the tokenizer caches nothing; these words are
cached beforehand so that a check does not tokenise every common word from scratch (without
them, checking is about twice as slow). Generic words only, nothing from any draft: the most
frequent tokens of spacy-lookups-data's ``en_lexeme_prob`` (MIT) that are dictionary words in its
``en_lemma_lookup`` or spaCy's English stop words, profanity removed, plus ASCII punctuation.
"""

WORDS = r"""
! " # $ % & ' ( ) * + , - . / : ; < = > ? @ [ \ ] ^ _ ` { | } ~ the I to a and of you it is that
in 's n't for have on be with do was are not but this my they as like just your or at if would
so can me about he It all The get one 'm out from an what up people more there deleted think
will them we 're when You some has because know really by time did no had their If how does who
than good only his much 've could then other make been were see That i any want even should way
too go him This her going now being still into which something she also very right game say 'll
got well need And But over back same thing first most here ca off 'd They work use never better
though lot pretty where am things sure He those why So take down What someone before said after
around its feel My There look these years love always many A point find new made day We every
great our two anything while few No little might best play try used long doing getting post year
Do life through guy enough ever In give mean thought since last own us Not put man may makes
money without bit person Also again Just both help trying least come keep Thanks read nt part
let hard another end having As games already problem kind old everyone saying idea else reason
Well less world wrong How far big done believe Yeah such stuff nothing tell looking start using
able place high until either seen times real When making seems next anyone looks everything nice
once show fact free understand team against live Why whole For guys job etc went school guess
friends between case She each agree Is buy Yes run change found question top playing name mind
myself gets friend talking days yet means hope almost yourself care quite remember call pay stop
set started story level left week system full rather video home women side wanted sense Your
second comment course ask Or seem must Then small car hate came watch experience cool matter
others All called under yes Now Please worth says comes fine Thank works heard possible thinking
hours working took thanks head power happen goes Good saw please couple hit likely ones often
talk issue easy One needs add support face hand half check night months kids players line told
example played based tried sounds link girl open To taking happened during deal single family
close happy move number US water men yeah later whatever government house wait questions Because
God At food state minutes hear sorry movie together body turn sort kill black amount answer m
amazing today country coming past huge stupid sound word Are thread leave opinion OP interesting
player hell rest class Here Even situation three low difference wish music god win type Did book
s sometimes phone order People control running chance season white group Edit Some unless become
issues picture kid cause damage pick funny However lost Its learn room front due list price eat
takes happens given reading enjoy area favorite self large build themselves knew wants human
problems parents behind soon information action mine luck woman comments month anyway character
outside points internet company fan Most interested Sorry weeks seeing Can general Like original
normal words version worse future watching longer account asked worked cut short cost along
public fight shot early light business crazy contact per stay above Does looked card bought On
lose law higher felt posted article common break gave die drive child party living title
argument Have weird feeling college meant whether removed clear current correct knows main
community bring realize quality easier history giving personal perfect dog relationship advice
spend needed consider children alone THE taken dude asking imagine extra itself fast within
death war form choice Let joke store simple near age hold dead mostly city shows After page
space however fair thank moment value poor expect gun Who site evidence specific gives With
straight bunch sub rules fit late middle plan weight strong Wow hour trade hot supposed posts
gone save serious explain song several girls figure computer Of sell doubt except term market
social position added eyes paid size hair recommend local okay ok wife known mom young mention
fire speed assume ways average content reasons stand style police worst source option hands sad
major Which drop cheap These red view starting Where force across allowed places beat feels
decided towards data New inside process mentioned message books pass changed wonder lots write
lower attention test Great glad walk service ability response send lack telling fat himself edit
YOU act dad attack piece vote choose forget hurt somewhere turned society baby worry screen
killed box Those follow gay His helps Go teams throw image exist characters willing fans code
From effect wear religion posting Would parts bet match considered safe Get While spent air pain
putting mother range gold otherwise special prefer fix majority create Nice moderators Any
buying claim share beer although forward allow text building paying sleep terms Only language
interest door First ended suggest offer drink science concerns rights complete stick waiting
EDIT rate pull ground date Really base lives loved speak numbers server multiple liked fall
moving standard cards miss quick changes exact female pictures meet Sure bar sit avoid ball
eating field slow clean missing older listen tend items step research gotten continue brother
Still episode tax related discussion town respect note eye skin surprised rule access Man
including involved brain ready result writing male heart performed More Very provide Try kept
Every sign countries energy particular knowledge sucks cat seconds watched third key cover
disagree further calling regular wall risk total morning blue million companies release focus
laws media movies lead learned bigger notice scene program Looks NOT stopped following reality
By road anywhere spot met color race written Same compared re bed voice trust Ah website jobs
include died anti noticed goal military decide cars Once carry art uses appreciate created
practice built IT design Since driving bottom physical nobody double blood videos decision basic
paper states lines Look happening search culture context land considering ideas sitting map
potential truth depends product film son AND political dark Right reply Never biggest knowing
understanding Could faster four track options conversation credit statement missed defense
killing accept stories Was sick somehow trouble sent private perhaps plus starts IS won moved
natural effort theory learning league harder oil handle wearing brought upon skill round
girlfriend count stuck hoping thinks father app realized push dumb Plus forgot solid Sounds
record broken degree return cold bike skills necessary finding none Everyone results heavy Best
model Pretty event cases training seemed Take minute board Sometimes click weapons meaning
submission TO smoke drunk fear caught plays helped costs grow assuming ton mods population sweet
lived five positive camera shoot office fighting increase reference negative annoying laugh deep
smart Keep period keeping charge student doctor lucky guns catch required user album enemy onto
feet suck smaller Nothing loss losing nature proof walking beyond wrote Love cute dollars See
purpose Ca topic levels modern born argue gear study healthy jump individual remove suppose
street button students sold illegal mouth Holy summer definition fault ya y classes Me require
taste touch mid Nope yours finish became SO below pro blame drugs switch showing picked users
solution Ok awful universe earlier evil Unless machine becomes logic An turns item prove
beginning groups Make education runs report cheaper subject apply Will band areas final effects
actions role concept insurance weapon waste taxes holding ride drug confused green tank released
mistake Although afford stock update married shop events broke advantage silly limited reach
mode leaving forced Someone sister excited fixed performance lane train expected benefit
opposite boy links copy rich everywhere overall selling teacher likes humans ran spending join
table larger tip members drinking industry depending thoughts figured pressure Black mod cash
wondering tomorrow racist idiot fake names Check perspective income crime target direct mad trip
project prices types file via nor Wait boss attempt draw block background rock bag weekend gain
photo finished Dude medical wow dream gas football admit church tough dogs ex career Our ship
marriage boyfriend magic husband linked changing lie floor animals shirt roll bot ice Okay
welcome security bother ignore feelings speaking scale deck wanting club Both coffee address
Another pop whenever shut various behavior rare Be gender angry active memory daily thus Hell
property tag brand Either keeps false present yesterday metal earth deserve meat Being email
closer movement setting separate boring sir therefore minimum Perhaps window zero ends Other D
direction material ending equal B Many adding section policy worried Windows lazy tired shooting
budget sale travel exists begin till fail passed pack held Big THAT counter China faith score
prevent smoking method Anyone kick quote limit caused pic requires heat tiny World mass cops
details balance indeed reaction Too enjoyed calls acting development designed mix THIS songs
products professional bank technology weed economy miles court showed standing teach Hope
systems load allows dropped resources battle balls hole hang quit tells improve visit judge
opinions sports Their opportunity upset failed strange growing freedom schools among Again foot
success alcohol fly treat helping banned pants contract Though Last distance Time servers
replace friendly hits insane grade winning facts rid download checked engine shoes center shots
situations excuse breaking pulled Except weak benefits traffic Something planning error core
thousands press claims glass Hi odd ten flat stream named Got driver fill neither approach sides
battery impact legs Seems Source tons scared official profit shape sharing sentence North pieces
animal network math United protect production environment covered Apple mess younger Red combat
buddy talked sales device cup ring pair letting complex kills troll NO belief concerned safety
folks appears cross connection fish tree listening shame South managed hero console basis
included taught burn member Two referring ill wide daughter tech clothes giant function
explanation bottle instance debate Everything abuse Should cancer appropriate dry keys aside
smell arm awkward split beliefs Having saved strength arms features matters planet adult
services OF according jokes expecting cares becoming mobile bill factor appear owner six parties
hearing pics review blow debt ALL stage views examples OK lady Anyway dating cheese Amazon
partner affect sources max purchase grew Think decisions upgrade corner gym secret murder busy
spread attitude answers throwing raise compare hitting shown grab stated diet park War speech
comparison location loves photos frame demand sites pure loud turning C tool throughout cast
attacks steam wins familiar lying meme progress Agreed moral feature Her fell existence install
ban birth dying complain Added chicken star dollar customer State filled closed Use experiences
chat path respond flying Earth laptop guessing windows cop goals IN Stop gift Steam offense
opening checking choices absolute MY puts arguments ad heads feed scary proud experienced
accounts White web kinds Star smile extreme shipping regarding setup challenge generation status
leaves workers chose describe atheist bottles confirm threads besides mark picking cry bus wise
stores default voting politics sets programs opposed pizza farm fresh Internet hide dealing
empty hospital received produce cats plot tips King greater settings City causes comic milk
States offensive drivers defend competitive el pool sake matches relationships threat wage
followed intended manage episodes feedback treated supply birthday provided leg favor raised
format creating minor Nobody ai rates delete Give listed paint Game walked Life Remember Cool
former exercise national hundreds files plans solo arguing auto request Tell dress patch edge
interview hated suit pointing greatest addition ugly mate Am dirty moves cities May crowd
pushing university tools surprise millions sun spell graphics plane boys hat cable nation
stronger Had owned dinner seat Otherwise bug laughing ticket breaks disappointed tea customers
station possibility competition classic manager enemies army chest cap bucks creepy letter lock
wake DO scenario standards channel treatment images Read herself warm Come colors campaign
parent steal complaining CPU chances cream receive stress whose harm highest Dark destroy
plastic trick conditions constant staff responsibility bringing alternative bonus collection
unit fellow influence enter voted boat sidebar description strategy developed foreign employees
knife truck recall leads pot depression shall understood survive accepted stands holy assumed
primary saving weather fits radio artist length condition winter meeting keyboard lights guilty
suspect fired Glad master testing teeth recognize opened south zone T apps route cutting draft
explained input wat Next maps sport soul apartment bear beta equipment personality audience
prison causing noise rent op profile reminds theme sugar mail guide finger aspect circle
described passing egg nose votes hundred maintain bathroom mistakes favourite exchange mouse
Always tight Anything calories develop Better interests Day opponent fingers chain talent
hanging accident shift signed forces tries units fantasy fights High Add co depth justify detail
filter studies mixed fuel net Mine citizens serve drops falling Before management cake Post
concern vehicle horse launch discuss cell shower crying flash agreed neck Christ blind values
brings rough Watch desire confidence pointed suicide Might refuse rage custom amounts pretend
cycle wedding trash equivalent monster legitimate increased teaching offered casual victim
muscle suggestion initial justice tone individuals rude snow complicated ME Second monitor
failure author restaurant guitar pulling Welcome prior license laughed phones trees lunch models
teachers salt variety wild trading ARE articles convinced threw soft nowhere proven elsewhere
client solve toward ordered liberal Hello bars steps riding genre sleeping FOR butt civil wind
deserves differences officer jail tier mana unlikely staying existing flag injury submit
suggestions object destroyed reduce thin notes brown convince billion resolution Interesting
titles surface combo replaced Blue pocket tickets Power volume reviews vast leader mechanics
activity supporting racism innocent labor clue growth investment led dislike Looking eggs
Android includes evolution transfer bored mission moon abilities focused anxiety thrown hurts
kidding library confirmed grown flight att conservative plant bowl row parking rush leading Back
idiots tall YOUR About loose League impression Happy plain controller sees pet president display
structure swear cook locked international lies ups physics region sending Original camp crash
schedule conclusion thousand owners kicked Bill shield computers installed allowing unable
remain Men portion regret percentage pages ruin suggested garbage drives nuts loving measure
Lots bomb Such sorts devices flow moments repeat organization powers prepared Imagine cheating
angle sword ourselves protection jerk seasons extent host creative Makes tests wood superior
None ON Old signs butter combination department phrase degrees Note quiet marketing House medium
wave updated Link Dead Bible punch dance Green print reasoning coach began confusing Put dig
philosophy wet manner toilet package positions kit versions strike criminal yellow offers Has
Without laid platform WHAT doctors guarantee Batman engineering north escape sat consequences
explaining upper contain humanity applied meal warning disgusting determine programming minority
projects height trigger ideal century acts adds blocks drawing trained wing bits screw hire
hidden forum authority connected passive stops circumstances talks root refer commercial surgery
exception discovered pushed bugs wars babies stars falls existed asks stayed wheel stretch flip
drinks valuable guard holds era suffering enjoying bible ate decades relative disease belt
placed bread juice abortion beating analysis claiming OS perform humor answered applies
dedicated stable independent calm freaking ads lift rise San decade Getting bills suffer Lord
application b replies desk mirror boots log struggle Bush dies Almost Besides gods semi pounds
dreams atheists tie bright shiny tanks tape shoulder dropping factors advanced con dragon native
stone forms attacking supports adults families ages bias Depends shared bodies HAVE ruined
bothered Video Mac promise patient connect sauce election vision developers drama combined
frustrating updates silver plate holes wash Call Much assumption trial rolling makeup chocolate
crack films t deals wine picks reported protein criticism lawyer sky deny assault machines Yet
messages ranked walls boost fashion pattern afterwards latest tower Smith submitted trolling
handed attached earn kitchen believed planned jumping command impressed conflict king burning
expert rational charges boot bench breath Hard offended screwed ensure achieve mini Enjoy
coverage capital apologize sea sin champion whereas charged memories whom knock communication
hates Free epic Things flavor policies committed whoever heroes builds exciting politicians skip
fancy blocked menu elements boxes carrying lay R crew Going apple tested define jungle Whatever
identify punishment Park selection phase smooth scenes rank raw conspiracy stopping objective
gross Doctor encourage label plants According limits rain houses sized orders tears employee min
faces select methods Joe associated tags Guess hook Ask bands orange Buy tastes stomach Halo
tournament defending Wars lovely statements Pro represent forums languages cuts Jack spirit
defined difficulty offering fee doors chosen poster appeal glasses crimes soldiers commit Play
emotions iron sight campus bite ships bacon advance tied tends ratio entry intense tracks sucked
artists suggesting Fox currency Fire Y screaming switched bags percent responses latter claimed
Ever storage Out reward motion explains square browser shopping blown funding usage providing
cleaning cooking biased supported Show attracted spots wallet REALLY neat contribute western
bullet provides grand ear thick bridge grammar loan seek steel improved stack comics minds
danger purposes fed established rounds fruit rely requirements believes letters plug BUT
recommended anger port reports studying Find gap aim Until businesses temperature central ears M
script Tom penalty identity quest buildings entitled clever consent worthy aid odds ignoring
stealing react Top approved preference Gold insult Live forcing aspects presence Fair Cheers
heal Funny wasted closest worries nasty hungry pleasure Start Little invest douche playoffs
remind Dragon regards Western capacity spawn sometime victims chair clock clothing finds counts
pays records roads sample buff Women clip affected ID lesson ignored appreciated shirts
searching Death packs depressed increases fees controlled internal produced nope comparing
spells duty peoples spring messed hop logo Way walks category fund express squad LOVE
entertaining discussing President Long rifle mood knee exclusive stolen pink balanced payment Up
string believing tear driven reached neutral practical increasing intent experiment instant IF
neighborhood banks nights YES baseball dudes replacement brush covers beach hunting Guy ONE Real
WE Harry childhood largest genius potato emergency statistics hence slower accent loans controls
island Mike manual Brown subs unfair horror backup coins du funds mountain Team compete foods
liquid appearance Been W beauty Each decks spelling Ya Name democracy newer therapy cousin
worker cooler feminist Part salary guaranteed motivation technique removing raid tongue prime
slight roles S beard Whether yard id habit incident Master reverse rating G attempting spare
trailer University liking mile corporations medicine facing arrested Riot expectations expansion
minded loop reduced Rock quarter replied Half dozen activities sticks shorter invite objects hip
nations c purple injured pace recording joined recipe multi passes comedy materials agreement
drag consoles basketball Sweet secure chill inch lab harsh twitter spin advertising brothers
killer visible tattoo lbs vehicles champions continued realise verify coin engineer occur kiss
figures farming hype shock woke swing improvement joking atmosphere blast educated revenue union
lame cheat developer pitch solved officers signal AM breakfast remains informed continues relate
needing developing priority edited Indeed mainstream attacked analogy creates feminism roommate
Over purchased OR stays task routine hiding typing bass couch introduced Today gen deaths chick
hotel marry stance comfort Church Feel reset para beast checks expand sooner bang buttons races
wasting interpretation fought vacation tab coast generic shocked goods bird Party stood evening
attempts outcome Total burst forgotten Using wipe Considering ladies swap sounded AT yards
clarify extended Amazing creatures Say pen er belong colour favorites choosing websites drove
religions output JUST twist leaders mature rice dates dust tap severe switching secondary slide
Lets stating Season Mark sticking lifestyle contest acid creation blade shake GET factory regard
melee password easiest consumer division Valve writer lowest ancient gravity involve WoW inches
clubs streets dirt communicate worlds listened dump collect hopes cents healing border adjust
delivery helmet loaded Given lag pregnancy beats heaven Space burned breed jumped trap dare
timing streaming entertainment mentality decides AI fails Magic rip shops annoyed served blowing
professor failing pls repair upload trend nail deeper poop bound BE animation loads imply
opportunities retail elected refused hardest Rule wire maximum reporting Kind WITH cells engage
tour addiction housing VERY fewer Whenever morality Neither stole alien mask survival beings
drawn presented winner GO pump candidate actor hobby slot candy copies resource pipe recovery
climate par scratch injuries element external craft shadow grocery WILL targets subtle clicking
references earned NEVER grass rear session exposed deliver stranger fool speakers pilot fiction
gained fields Congratulations rocket visual scheme resistance RAM Therefore carried removal
traded LOT lifting wheels insight downtown exposure skinny zombie construction Iron surprising
reminded seats albums counting blew edition transition justified grey infrastructure K bubble
rocks workout bat published storm hurting citizen Science raising savings elite dependent
accepting struggling Dad Air sand scientists sacrifice loses pill implies freak feminists
yelling Lee remembered grind remaining interaction pile handful receiving sarcasm symptoms
missions lighter hunt armed Need weekly follows monsters cameras hating layer bone suits
semester conversations queue graduate agent bikes river sells creature WHY lighting employer
spray focusing Were determined inspired panel bedroom equality elaborate Street Stay responding
studio pride contains grip singing editing smoked cringe judging preferred Talk expression
National gains folder toxic mins discount novel writers lacking responded reputation FPS roof
Age Full automatic During dated sandwich wrap vague charity hired detailed HE governments lens
theories commenting powder applying Code completed opponents unknown rolls Step touching guild
chips painting WAS wondered communities strict bud spoke profits carries awareness explore shell
chemical strangers functions Reminds promote announced champ universal delay Three rolled loot
spoken deserved cloud lyrics waited CAN approve quotes television panic starter AD actors vet
tube assumptions tail feeding mistaken throat fixing mining toys lifetime strip courses partners
lips soda lord Bob Title intention implying touched junk beers encounter affects throws firm bow
barrel thumb ocean foundation confusion granted jacket discussed notion Granted Poor scope uncle
privilege recorded charging implement Ill pour hug honor mechanic School reads concepts caring
Trust victory headphones muscles wages crush clicked guilt pee operating markets unfortunate
hunter beef prepare males tune Core inner begins donate Made perception Price leather sink CS
chip ONLY agency troops tires toy bloody settle sharp genetic wings complaints divorce
permission safer Mostly speeds lists polite principle L participate garage homes involves
frustrated hatred convert protest Assuming chapter Must burden rings handled MS requirement
Friend remote seeking Night medication curiosity wealthy Martin acknowledge Middle implemented
demo terrorist franchise beaten youth kicking applications tracking happier owns Congress
suggests connections territory frozen periods returns papers paragraph vanilla dressed protected
fourth Thus clients interact depend zombies resubmit lanes shoulders holiday Cause broad pan
distribution strikes interface neighbors answering mindset senior rated dealt ghost handy
corrupt restaurants coat silence March illness del bitter returned judgement rooms pulls
extension End occurred disabled hill finishing trolls GOD hi accuracy Games lean sing Light
marks neighbor Peter joy Mind UP climb knees firing serving Dont discussions Ice describing jack
generations shipped errors located scare eaten joint sizes shave NOW alpha shorts Learn skins
grain Matt disc snap Came bulk relax journey laying android tactics conference Hot Force moron
breathing ease codes curve temporary topics channels signing invented batteries narrow pills
Wish backed pound tradition landing essential graduated pin organized joining socks spoiler
complaint Double sheet Captain practices ripped seed techniques instructions dancing reader
rewards speaks wore traveling staring dose fighter insulting mentioning criminals battles
Perfect passion olds racing disorder concrete theater behaviour Guys cared caps documentary
hooked visiting agenda Act History ego dialogue register submissions operate patients
fundamental emotion generate referred reflect vary diamond Bay devs shoe locations scores cure
utility Government habits headed brave gate Nexus torture fitting solutions tablet interviews
guidelines efforts nicer scoring knocked patterns Army Empire birds afternoon slip dear lied
Making misleading pets basement alternate destroying cried meals gamer sober Depending toss
pretending chemistry texture requests Open narrative exceptions depressing realizing roster
sweat therapist blocking treating arrest consideration capture covering releases saves floating
lip hammer bare r cultures friendship loading rap filling resume sits premium directed soldier
upside opens Island Law corruption blows grasp insert speaker surrounding recognized romantic
Took dynamic contracts monthly females LIKE embarrassing rant fps robot challenging nightmare
qualified inflation airport deciding mentions brands incentive Twitter ah Found attend Seeing CC
unlock spectrum bones hint peak compatible hiring attempted accomplish heading threats
components scored worn hung domain sum naive van teenager adventure domestic breakdown Um pit
soap lands importance slave boards stadium bosses Vegas fence terrifying destruction bothers
formula translate involving reaching waves advocate flawed crisis handling Hunter gang intend
accused mount invested distinction Girl Mom improving magazine branch risks closing Based H
Final replying Kill aircraft shy quests crossed discrimination BS rep inventory intellectual bra
souls contrast dealer eight planes beans ram pun forgive carbon hack satisfying advise scream
pray speculation threatening abused premise terrorists blaming sounding punished introduce arena
civilians stairs pirate trades blank riot honey puppy folk qualify bombs brains clone succeed
ping wishes Id spaces trips kicks outfit Want revolution homework replacing controlling credits
styles sole generated ideology finals Home worrying approval Boy Run entering downloaded memes
devil Trying expense substance academic teammates Sun dev poison casting reactions frequent
laser regulations Case grad consciousness Down highway collapse apparent assets coke nails
translation operation irony chunk paste buried dodge reveal twenty sniper producing Flash
motivated Quite GM wrestling Thought Ray Jay document browsing owe cancel faced cheated gifts
bases slaves Blizzard processing visited slap trail origin smells ours dozens arrived flaws sue
employment efficiency pad admitted d arrow Blood smarter paranoid avoiding indicate ANY grades
Lost WAY adopted gloves satisfied graphic organizations commentary amongst tolerance formed
cigarettes protecting forest champs dive AS losses Point ceiling weekends arts procedure exit
virus THEY refers buddies quicker Overall steak lessons amazon bullets ingredients Tower
functional resist evolved volunteer Max engines persons router Weird serves den implied symbol
viewers Cup scam instances corn belongs Human catching delivered appeared submitting intentions
Chrome stations dungeon lightning moderate legislation studied icon rack libertarian costume um
grandmother Problem embarrassed fridge sentences compliment grabbed proves aliens Turns climbing
static director grandma intro consensus vice duck drain Quick Money Wall Democrats wherever
texts creator cow damaged voters Music arc murdered clarification giveaway Club pistol vegan HOW
Queen bump chase traits gut excuses Young candidates invited norm rubber discover conclusions
inspiration shaped regulation wireless specs Story consumption frames emails yell possession
basics KNOW ties Easy void College Moon fishing slept sigh Hill Message continuing smash HERE
Water amazed fallen grandfather opposition weigh movements Send fluid Click leaning threatened
Meanwhile streams Union compromise expenses addressed electronic exam automated rotation Pick
lonely stereotype Saw copyright fraud micro MORE watches motor recover closet literal Bell pie
meth overwhelming progressive acted Went disappointing chart swimming pros shotgun addicted
camping blacks tire worship warranty vocal supplies Ford contrary tables properties billions rig
practicing punish noted predict cookies sentiment engineers blanket arrive criteria overcome
banana industrial entered concert ultra Saying restrictions breasts MUCH recommendations Card
immature shelter printed hats representation circles hall digging bears disaster upgraded brief
Knight experiencing triple popularity funded bots mechanism desert leadership Hence General
administration Works sheer Java poke snake relief dish Police denied Drive spider powered Worst
freeze progression occurs Center reduction tricks woods Souls bucket DID alarm Superman
promotion county creep scientist cooked database disappear tobacco organic colored inclined
pursue ladder Work pepper payments plates SS mob performing lasted breast theft shallow painted
myth abandoned der screens directions Correct Dear defeat stupidity playoff surrounded
recommendation cups Social engaged Mass forgetting Office Consider retirement perceived
constitution urge jersey sector mum spoilers bend designs viewing scroll frequency entity
Fallout dash backs upgrades BEST enforce tagged Reading mystery disk garden risky resort
obsessed WANT gaining violation commented proved wears pockets gather Kids revenge cheapest
weaker nerd represents terrified competing spreading popped weights Cat marked belly intake
ruining ward oven opposing shooter uncommon messing mountains toe literature pressing backing
frustration Marvel temp cables Set reject amp wrapped Simple unhealthy returning awake
justification packed dragons rejected Rick carrier sequel tricky wound punk releasing consumers
invasion nurse captain Frank grounds Galaxy facial dramatic mall occasion pig eats k warrior
Standard headline voices gem cruel Mars revealed imagination convincing Under corrected scan
trucks linking aged slots Small denying extend smiles cough asses dice OUT immigrants Silver
vacuum tasks fighters hood owning decrease rub corners cage bust RB foul leveling tournaments
documents coincidence Mother squat font realm estimate fitness transport grows Family apples
infection orgasm mac mild lake Level uniform golf stored longest tasty seeds warrant realised
soup prize masters gems Aw Taking attraction survived flesh promised priced swim representative
figuring Third psychology behave Doing biology amendment minus stare Done rail wisdom avoided
guest clan fascinating registered possibilities measures cigarette posters couples mixing Bowl
RIP Rose wonders eliminate appealing buys pleasant downloading unlocked disturbing processor
challenges decline ALWAYS sections Classic Bring demanding courts Less horses parallel bundle
contributing bleeding musical tattoos lasts condoms collecting survey brick sucking commitment
proposed drank viewed shares pronounced resulting lawyers cave holidays warming hatch
transaction chaos Titan teenagers slim wrist petty monitors El maintaining faction aiming bf
leagues Jimmy flame subscribe principles pressed Girls ordering cart diagnosed reminder Wrong
spiritual confirmation praise mobs canon teen straw relation commercials receiver timer tutorial
hassle observation jumps landed cleaned luxury Book Listen elections polish award allies serial
associate Court questioning roots purchasing System Left guards Trek HUGE Rather disable deadly
tension Arsenal summary laughs sends stages Grand strings waking understands sticky layout
investigation peanut empire km queen replay Word curse Serious breeding suffered preventing
encountered darker discipline sympathy whining equation Turn Playing jag consume jet Prime
civilian discounts potatoes Art Off firearms trusted steady orbit attract patches heroin condom
hello formatting readers mere rescue conservatives treats bell cult engaging grinding hosting
corporation subjects targeted radical Central pops probability slightest processes bacteria
struck mortgage fist legend nine Baby towers fried variable celebrate ref Modern nut sustain
Speaking NEED virgin boom chemicals operations boundaries niche Submission EVERY Low designer
classy reserve spoiled assist strongest sneak logged unhappy recognition Stupid fiber
championship monkey salad Constitution socialist bay exercises investing regions repeated torn
towns Navy Used knives gays razor occasions breathe emphasis functionality alternatives selected
Sir metric obtain interactions Support achievement proving establish suited lap collected camps
cleared weakness samples scenarios definitions cartoon leak fallacy tackle chicks Robin bout
motorcycle valve Song subscription wolf ratings oxygen bolt teens violate adapt utter editor
Leave poll spy bent component lobby dishes hearts meets loser stability stun flowers district
freshman agents RIGHT minions adopt Destiny sisters Diablo unions midnight pricing installing
Metal chasing dope vulnerable demands wider legacy banning raises accomplished reducing excess
brackets spelled cracked transportation beforehand Python beside batch wizard brake Ball settled
washing networks influenced layers galaxy assure stepped harassment mates PLEASE Food Sad tops
clearing SRS Fantasy bold politician bizarre Miller village villain scales programmer collective
Solid towel macro piano ethics browse jury placement inferior Giants scout bond insist typed
planets describes highschool imagined jam rockets amusing dungeons membership crashes
condescending Bear exploit Aside oriented apologies drum priest shed clips household radiation
estate employers Eat rising liberals preferences Store witness Battle Mid modified drew timeline
masses trapped repeating Smash supporters slice achieved Him momentum matching employed lesbian
explode twitch electronics sane sessions whites heavier correlation interpret spit streak
highlight crushed pause g bath Mountain monopoly guides soundtrack rifles doc mothers deficit
labeled WHO portal Stone GOOD convenience officials Save suspension fries packages variables
fastest Zero lacks immigration printing drill advantages Shadow evolve sync coal wording
fraction bull combine relations crossing bush argued Northern consuming purchases tactic Luck
bounce lineup centre Care stereotypes lit Lucky barrier Jersey alert ruins Year instrument
Memory toes grant crashed cherry seal managers Eve refund esteem ruling dismiss Dog Road differ
trains aunt agrees axe greedy deer underground quoted requiring varies prevents mage smiling
Side broadcast rope Four liquor desired flavors freaked spinning Evil Meme bully wreck Breaking
soil Cut CA mobility authors Hit spec Fast reps stacks blend Crazy seller Fixed Nick dip glory
pub burns Prices churches dressing Republic EVER borders pose novelty gallon fixes outdated
edges structures respected margin encouraged newspaper Kings Spirit Storage Believe sec experts
Target witch accidents themes Know critique ranged liar yelled starters reform finance Self
exploring vegetables matched variation misunderstood contained rat prayer commands rides cleaner
Shut drone Bank borrow Truth spends dense liberty contacts christ followers educate Justice
writes clutch twin typo acceptance bronze explosion encouraging shout illusion labels meetings
refs buck sequence photography retired ports Twilight oral Orange voltage deposit expressed
simpler capitalist committing misunderstanding ranks nickname remake Cold crafting pickup lease
insults donations civilization obscure Wild import pleased Hold penny Effect demonstrate resolve
consistency shoots morals genes ink verse container cannon Sent Move Short Far sore restricted
criticize pony coaches downside peer defender stroke HR Change presents ninja limiting
reflection Head farther rewarding waist meter pads pity fart limitations radar standpoint Ghost
executed TIME diversity Question represented sticker bandwidth terror stressed density searched
commute addresses damaging agreeing collar cans grid refuses ray melt entrance lawn congress
approaching jar spiders recipes centuries tendency Hate converted beginner defence jazz turkey
popping shady phenomenon gates flags pole expanding measured trait genocide Example cotton
Episode improvements denial sheets Fine puns skull fate promoting profession oppression isolated
proceed Watching Potter grandparents Later safari indication brakes thru agencies inform firearm
Kid professors robots vendor provider tabs Confirm zones Working Five THEN manufacturing charm
functioning booze prick farmers strain gray underlying hybrid feat flew tooth aimed pairs
paycheck execution qualities begging handles bearing panties enable shove Security flies
grabbing Already Walking chin athletes flood glance duration peers fold Religion stem ethnic
nerve Daily vertical blades Public categories panels alcoholic Lake bin announcement Others
Living fires rose vegetarian Tech behalf fetish laundry fade shadows coil resolved index stoned
runes lottery transactions manufacturer stones debating tissue judgment indicates humble confuse
tempted produces Beyond cooling boil concentration merit shields FROM Phoenix tweet chrome bait
Wonder twisted signals Pay remembering conversion relaxed bonuses separated switches alter
Between healthier obligation ruled Mobile oppose ABOUT leap fork baked presentation routes Thing
restore gauge compelling abstract requested Somehow launched counted orientation coworkers
squeeze chamber quantum Gear institution hugs rapist absence sensor blonde launcher appointment
cancelled aggression graph noticing drafted declare colours fox flipped knight hacking wallpaper
Adding pasta siblings opt desires conduct ranking meditation transmission upgrading demon daddy
enjoyment activate Attack bracket CoD miracle divide messy velocity dot Times Us hormones
tuition indicator inability hers Heat complexity dull STILL pixels shine blink uploaded shaving
favour professionals Ex meters tunnel abusing dominated captured infected Manning regional
adjusted width Civil glue THERE lungs novels northern cheesy Alpha minorities rushing Turkey
cite funeral refusing diseases proceeded hips Often Secret carpet Years gathering w paths
stepping distinguish societies angles imagining Spider festival STOP Male assigned Enhancement
bullying Battlefield enjoys particles coaching Fat integrity capabilities heels excitement
animated implementation ed universities hacked Speed patent fabric nipples printer TOO bashing
institutions liability parks underrated flaw backpack runner violated prescription permit Coming
punched Monster stab communist partial earning Kingdom interpreted hobbies lenses comprehend
romance Summer Tried piracy annual washed kan framework manufacturers Tea Help fifth Punk
credibility render slipped jaw rabbit strategies identified HAS celebrity EVERYONE taller junior
exotic dumped Friends acquire fond burnt draws oldest sealed banking substitute attorney
disregard placing infantry bash penalties circuit shade traps enabled implications platforms
continent scum photographer betting retire teaches lick nearest contribution independence castle
entirety funniest sided consequence promising Number maker sack County manipulate terminal Hall
rental hoped shaking buffs modes expectation disappointment hypothesis listing satire wards
shocking Supply starving integrated scares intervention River grave bong arrows Humans crashing
pilots Sigh pencil DS reaches Dream necessity overrated complained eg addressing locks trilogy
chooses shark exhaust regime fathers Children reviewed pushes Storm worded suspended drones
blunt athletic Project resulted Close Heavy rookie warned skipped viewpoint problematic login
International concerning plugged assumes span crop Community perceive managing referencing
shifts detect adoption maxed transit Prince wiped essence nuke Lady Knowing rushed introduction
stocks compensation judged clarity marathon equipped puzzle satisfaction specify masturbate
morons heel achievements filters Win clouds coding composition kitty Search declared freezing
expressing Saints vodka Dogs facility restart instruments crystal Anti courage outlet dictionary
quitting protests solving advocating microwave yeast Football laughter Control lasting assertion
touches centered convention disappeared translated cube warfare spoon judges battlefield
calculate scaling stunning custody newest secrets cheer lecture Coast guests breaker divine
Winter Die crowded convicted Father highlights Player zoom amateur fleet dominate props
proportion invade Hero kits Network venue regulated roommates Son icons pillow signature av
accusations laptops vent bleed catches destination controllers parked toast Mad pronounce
Special distracted missile reduces landlord flipping sums whip fears Line copied sour
subscribers architecture diving spite delayed hiking resident tutorials kissing alliance Freedom
targeting Bears hospitals refreshing tent Gay syndrome pumped summon hyped DOES featured cousins
Throw wires Thor BECAUSE divided notch shouting keeper drums adapter Worth salty Ninja quantity
ditch busted splash transferred genetics mock pipes column genres bombing correction missiles
compensate Type reboot Soul creeps Spurs embrace propose raging CM moms Edition gig Bonus wax
exams relatives coolest fetus association Running tolerate chapters Calling participating gentle
tale authorities Universe agnostic Legends visa cab torrent REAL defining specifics observe
Agree ITS passenger Wolf cloth involvement girlfriends varying chains AN float filming Gods foam
advertise lifts jelly foil Around bans blues dorm observed museum rats invalid Land segment
connecting headache squats lemon swords priorities Native Trade separation essay attending
rumors Chuck Sword singer tragedy hash Pink promises Van knocking Snow sorted funnier
cooperation abandon bothering addict textures MUST nursing harass Sea yield scheduled founded
beg rogue rebuild updating council whiskey array pale tan temple helicopter choke ideals mines
nailed MAN Thinking loyal outs tweak Heart characteristics Further trainer processed ramp
subscribed rooting HOLY proxy divorced Diamond negatively Shame raids stuffed triggers elevator
badge Royal mushrooms masturbation fortune Buffalo Shield copper Defense subway PEOPLE executive
cheers onions reserved Henry farms Jets Strange offend Company BF vinyl Blade sued Nor
travelling binary var LIVE basket screws WOW Rush noises accounting mixture doctrine mold Bronze
prevented Notice classroom logs explanations cited GOT cam HIS Order announce manipulation
interior Report Service smallest syrup Current producers Box banner pigs hosted vendors kitten
residents threaten ally reload obligated bonds Female guessed fame convey cows diagnosis rubbing
challenged Morgan Gates screwing radius fairy combos dispute perks THANK Sky relaxing punching
trophy outer needle censorship elderly ham vocals attribute Rights hike screams smoker relying
cycles approached Loved spark populations Focus Portal handsome ankle wired lid maintained picky
titan charger hypocrisy referenced hosts YEAH dried strap Pizza makers cereal rendering
exploration cord facilities assessment admitting filthy retain investments cheek dreaming
apology acquired industries turret cope documentation hunger affecting organize gene False chief
stacked investigate trauma HATE formation counters asset oppressed china tens construct relies
Avengers artwork grandpa witnessed portable circumcision coworker cpu horn algorithm likelihood
distributed gum misses dealers networking modify flush joints Data stall bid warn finale locker
nude eyebrows metro extract mileage Class enforced magazines cache sperm Eye elbow buyer
splitting mas Stick WHEN overhead Rob liver campaigns trim personalities acne labour hurry lion
raping grace forming tipping eligible SEC lined contributed taxed grabs recognizes prep journal
parody turtle discovery lube stretching Face spine promoted puck Starting issued Normal majors
onion snack hesitate masturbating thirty documented Duke WATCH Ring passage Needs Deep speeding
rounded mighty fiance Miss metaphor cruise invaded blamed compliments principal Internal goat
capability evolutionary spouse tourist leaked Fight disadvantage attach Valley threshold fusion
comeback Princess scar expanded forbid Sound flower contributions tearing Legend nap THEM Strike
veteran impress Hulk gentleman locking wished aluminum spike chuckle echo buzz Ed balancing
horny Early libraries Movie Alien mounted Angel centers shapes cycling experiments sons Computer
leaf stickers lawsuit moderator EVERYTHING Patriots annoys sensitivity Billy deaf displayed navy
donation Damage grill viewer autism factions Beach execute Devil intensity Don disability
citation kingdom rejection mil Gun whine Warrior Heaven instructor boxing reminding animations
tripping tasted absorb organs positioning counseling preparing warp certainty environments
constitutional monetary downs calculated Removed displays Due Grey baking Brothers geared
investors Soon Vita Wind realizes rainbow sketchy rotate clause Rangers GAME ranges deemed Doom
measuring Twitch struggled MAKE twins tub brew nightmares mute comprehension classified contents
Common steep Steel damages admire representing commander Tesla halo variations careers calendar
Bang sins sandwiches demonstrated nexus vomit containing refresh bending tagging graduation
measurements angel grams slam Society textbook musician ignores genders evaluate fruits
publicity conflicts Cooler manages noting heating cliff voter attitudes prob fry noble swallow
innovation cliche yourselves populated ancestors tubes dragged rally musicians colleges naming
lover token obsession controversy constructed locals gluten behaviors citizenship contacted
defeated Build presume spectacular rapid Started utilize borderline satisfy rooted lifted louder
sucker winners venture scripts Says Drop batman appreciation disagreeing hills instinct Explain
bounty Sort nicotine bland Eagles tourists Rice Favorite sidewalk SHOULD outrage olive Sports
publish remained carriers smokes examine inconvenience quoting bees intimate vaguely dresses
Alliance LED loyalty portfolio cent grief incompetent inspiring kindly Major SOME darn specified
Gen terrain Ditto NOTHING Thrones quarters approaches Rand removes Regarding donated
libertarians Giant keen mercy poker zip stigma attended wheat struggles companion sleeve
defenses smug Duty shifting Stuff Ouch ghosts tomato dime dictate exp filmed ghetto tense
researching striker Follow robbed Mini Square bless Senate providers bullied crown rapists
Several grenade caution occupied compression cons heated Whoever branches daughters dimension
clinic pedal Six Beta BEFORE concentrate holder teachings assistant GEM flex Putting Metro
temperatures flexibility floors chunks deleting mill pricey violating reproduce Confirmed
outdoor sprint accuse Future Generated sloppy Picture gears nerds ER encounters Key engagement
manly HS magnitude airplane cores failures healer rival Animal creators Market internship
shooters outcomes estimated tuned prisoners Artist cracks insanity skipping sliding nod clicks
shades deity bicycle Pop responsibilities haircut cargo apt technologies coconut lend BY
producer united explosive heals Department demons chickens precedent establishment Chicken
misread Spring Against slope Hand chew clown BACK fur trends praying dial NOPE Cross forehead
registration semantics handing Genesis farmer Forget thumbs lava BIG jets negotiate exhausted
Avatar temps medic phrases workplace doubts particle pinch fools Elite hunters minion Update
rune polls derived boats preview gathered visits commission mag stake compound bio bum wary
hints buggy doom assembly trials accusing proposal debates significance shakes lb lowered
cardboard clearer gambling eternity Marine backyard dedication performances searches voluntary
fuzzy Dexter disagrees competitors Excuse beam verified dimensions consists senses Meaning
traveled gifted Press minimize Feels shaming cc pots wolves Business striking prank vintage
advertised flights stabbed MLS sphere chef incidents Oil notification sweater alley defenders
Nature Stars bras compatibility aesthetic assassin dentist entities precision obesity fulfilling
fills Rocky programmers suspected athlete inequality regulate humour affairs bumper rhythm Group
witty criticizing equals march envy reversed ripping specialized regarded ceremony Beer cracking
introducing anniversary abortions legends bald Mart Fall certificate underestimate wishing LET
tossed foster surplus crushing departments jerks trunk congratulations Origin flowing
acceleration sleeves ma preserve logging thumbnail Forgot Join expose configuration Machine
reception HIM activated auction Guardian renting Asking Chief tiger Coke regrets freezer
consumed Amendment accents zoo crawl symbols nukes gesture trails contacting mirrors gamble
kernel smokers pins murders Theory satellite duo bites stir murdering triggered mocking Smart
Private bigotry Packers trillion Fear princess wives caliber objectives titled protocol
calculator rod masculine province encourages bubbles exercising socket productivity procedures
bandwagon tomatoes Cowboys spirits Server warriors statue stamp measurement Woman module chord
Main Thunder realization Through hotter stems initiate chronic journalists landscape slippery
Single perk twelve portrayed packaging guidance Sucks completion smack Joker Media COD repairs
soy tablets LOOK spoil bs Certified Giving WOULD Re overpowered assignment foreigners irritating
superiority armies dismissed os FREE prospect descriptions prediction smashed treasure lowering
installation altered conclude Days pursuing diamonds offices rode Screw skirt gaps Quit
neighborhoods petition maturity gel Bought annoy Stark hose Round Lion chairs fog hairs elephant
Straight OFF steering fulfill bananas leaking cartoons Image sensation disorders Ten Natural
Players analyze outlets Killing Cute Dean filler supporter analog GREAT taxi calculations
stumbled questioned rewarded Body theatre rebels prompt arcade identifying Phone Huge
communicating absorbed leverage protesters snakes rumor payed Bond goodbye trace boils
apartments sketch snacks sausage copying palm headset statistic distracting infinity
availability focuses coupon Car comply dough Along surviving licensed dock groceries nurses
variant eliminated crops surrender Boys courtesy roller pal certified nerves Week NEW rider
difficulties Talking WHERE swinging offset predicted merge eyed intersection participation Lions
feeds Edge pirates stamps flames weaknesses boiling mice destroys dragging Outside pumping
buffer remembers goalie reckon guts Amen determining doomed dots mint correcting THINK flour
pollution edgy flop dairy Revolution thicker rad customs Jobs arse expertise punches Walk
attachment Lightning expects outlook moot hometown journalist exaggerated believers wicked Job
binding practiced Personal disappoint SEE liner EVEN warlock Heroes resistant believer Basic
Cant biting Browns Glass Walker stubborn filed effectiveness litter Boss gimmick puppies
validity overlap goofy curb hairy Unity Calm Complete similarities invent massage Borderlands
racists charts implication circumstance outfits tick waters buses Guard Safari murderer concede
kindness interference prejudice overlooked critics designers jackass poem pixel counselor
despise clones distances Cry mayor slowing vaccine circular Played Pure thighs bets salaries
whale Nova throttle rivalry scars kings bind maximize triangle supplement notable Judging
workouts Hang Plan protesting Ruby hub Sin Race troubles cashier nicest sponsored lining
interacting detected haul ANYTHING destiny teleport Test spotted cease exploded varied Planet
turbo reflects apocalypse Micro hackers Dance monkeys occurring Adventure dire distract
conditioning Within mesh Insert toll Bravo disgusted adventures Drink heritage aging hollow
banging wipes Worked fatty Child predictions unlucky travels disagreement curves vinegar lamp
Deal stash pens leaks penetration comfy bounds bee rows completing finest protagonist
celebrities Auto tasting Band prescribed hive brag fallout doses poking restrict democrats
Country defines publishing canned begun brass incorporate integration discourse doll favors
corpse polar tin VA slowed fare Crystal infant monitoring Wings freedoms Pearl Tiger generator
relating monk Assassin Honey shaved strengths Brother royal HER rocking Said caster considers
disposable contemporary Pass buds CLICK raiding Bar remix bail bake clap Demon Quad Pack Op peel
basing disrespect urine macros Wake GOING Place suburbs withdrawal Action graduating arrangement
prospects horizontal Web presenting chatting recoil ops affair portions vocabulary cabinet tribe
equate tempo quad purse Radio advances vein drown Write influences prints leash finances melted
skewed hallway arise l bunny finishes Uncle ounce Spoilers photograph discourage studios
receivers Boom buyers Stand privileged shampoo dye disconnect heroic TAKE observations cigar
nods starve python submitter primer sights rim Commander Castle Engineering interfere wounds
plague revealing Ignore Attention thermal vault receipt Testament recovered lipstick specialist
operator skate grants Pats soak cabin invading shutting terminology realism idle rinse Cards cs
spikes islands Warriors distraction stretched Dell simulation throne downloads adjusting scrub
sunlight Break committee initiative blur stiff wool insulted sunglasses Military Comment Mod
shells nerdy Fed possess gag casters legalization kittens ritual sweep blizzard Curse chop
balloon conviction vampire overwhelmed fashioned researched fountain tougher horrifying pat
snapped slows Ravens navigate comprehensive surveillance extremists ski obtained Channel
bankrupt packing differentiate dinosaurs whistle OUR marriages sought hypocrite Epic Enough Rift
traditions rust Evolution nodes assign responds shelves treatments paragraphs Cats recession
Polish Elder sincere Fish giants stereo chests BP bricks accomplishment transfers crafted
coupled axis Creed Melee Broncos accidental slapped Proof madness fifteen Download header
killers poisoning swings List Yesterday Fact vapor parade devoted immortal Sleep valued cosmetic
attributed SHE immunity wit steroids gigs coherent Champions Democrat valley bred polished discs
restriction permitted shenanigans lump constitutes passwords roam losers improves publishers
tile accessories masks paired Bacon deadline flashing slack fifty thesis motive export Design
Euro designing Period combinations Interested node Bottom thrust translates passport heartbeat
testosterone Falcons plugs Liberal Kudos MM witnesses HAD complains Forest Late Town offence
euro leveled recruiting attributes dildo vitamin scholarship strive duties drift insulin rob
flare corrupted grease angels tilt offspring clearance persona flirting entitlement Chances AH
hacker syntax glow Finding ambulance hyperbole AFTER traction pools verses excluding DONT
publisher costumes outline fantasies prey Person palette cheering Hop h Area screamed ribs
vaccines reacting bugged horizon Contact organ smelled medications celebrating donating Hank EG
firms suffers tweaks grin boo Energy subsidies belts backlash psych Color Grow directory
appearing glove shore Reason marine dis App bypass keyboards volumes Yellow visuals verb OVER
sponsor profiles Drake forbidden pouring DOWN Whoops prop ants licensing sig spawns intimidating
OPs Cook assists Atheist grenades smiled THEIR occupation teammate binge virtue Large Education
Shiny guitars employ sans Clean Field accommodate Research Hawks awards delivering attendance
Mail rendered motives grinder revolutionary Edited CL learnt Tree helmets freaks representatives
Slow Jag Flying anus theist trusting immense awe theists deserving modem scandal resting
communications slaughter tokens fossil jerking spear stacking Wade packet shrink rift patriarchy
marker faulty strips bury wager pitcher sock rankings punishing entertain stripped reporter
healed downtime rebel Rap toddler gallery recovering prophet gasoline Moving fascist prisons
distribute testimony Keeping eve Blues expansions flick mouths bridges shifted abs accepts
assured Learning disprove acknowledged Guns smoother Guild dumping pedophile coils Frozen Shoot
generalization steals tease chopped Credit misguided lung yr tiles composed Bulls substances
breeds durable cheeks stomp costing sporting jerseys notices misery computing stove deployed
sellers Ai Bull hover Canon bolts Words tuning latency dug chills giggle Gore roast Express
refined Bridge profound Front bragging Zombie norms Dawn origins insisted Emperor TWO trailers
Cheese melting booth Beat planted poly stared appeals determination stoked Compare strokes
Alcohol guardian template pains timed Saint chili passengers Average Roll excel priests atoms
Arena assert pictured civilized Room paranoia gore dumbest sneaky thinner Direct Rich yogurt
Ultra Zone cluster preparation slang dads jealousy genitals invites assaulted Carry headaches
Extra Silly Matrix shrug Cloud rails harvest runners Holocaust dodging messaging COULD namely
comparisons Posted symptom cos inflated limb competitor beginners grounded spying nutrients
bartender stamina discouraged spreadsheet wander spill cater declined chords holocaust stale
kidney cyclists lengths riders comedian Remove Temple Faith attacker crate supermarket tipped
Guide sciences swapping weighs Brave recruit Strong Building pubs blessing mash implementing
exchanges emphasize accusation oranges anarchist Freeman Mirror Count torch Wat kissed nest MANY
antibiotics decay aired Mouse superhero wiping plasma Bobby AIDS paced waving addicts Rainbow
midfield HELL generating flaming experimenting Council kisses Dragons theaters cinema bowling
hid harassed surround indicated receives piercing exclude bleach showers misconception loops PDF
shoved stray Legacy admission Eating immersion gallons squishy aura riots Colts clears ethnicity
tortured contradictory raining afterlife Chaos roaming parameters hail Waiting Mage vector
impose costly Takes mustache appearances warmer wandering drafting transgender duel devastating
friction tribes Marines Coffee Raiders pitching scent adapted verification Hong Hands MAC drawer
blush Quality instruction proceeds puberty incentives cries spiral confront sweaty hrs sunny
weakest Academy Ancient dinosaur puppet scrolling mm Hip Whereas visibility invention alleged
consult sweeping Phantom apologized cartridge contradict marrying singular Birthday dining Mode
ridden Sprint hopeful defended Rain deliberate advertisement relates Plot ponies digits brushes
prefers drawings tweets celebration bouncing Bird blessed elitist disconnected brewing escaped
mono bummed proc nipple enters plat talents Rules Woo hydrogen exempt inspection surf warehouse
participants learns confession mandate subset blurry classics Rogue Newton moisture dynamics
Milk craving acoustic crosses noun manipulated manufactured occurrence isolation conscience
stoner remarks Troll matrix Vanilla clay felony labs stink mechanisms va HIT pursuit interviewed
crowds Eyes Brand endings allergies pennies butts gram recognizing Masters entries veterans
indoor rotating meanings differing hacks dwarf pulse remark Titans marines harassing Ken bells
embarrassment expressions Boo globe debts vegetable Ops sway merits sharks quantities doubled
shaft GUYS wee Labour Practice driveway optimized affection protects Garden warnings bowls
notifications Local Them findings wand puzzles programmed Doc replicate shortage utilities
crotch DAY Archer Information conception partition adjustment Solo reserves awarded demanded
testament mans af stalking provoking barriers Fake Page shrimp platinum determines collapsed
truths flooded researchers negatives Cage Compared fringe noodles licenses Manager explosions
arrives enhance Rings converting discovering PT detection tones compelled Beast outdoors Return
singles closes broader diesel condemn swapped structured stunt Sign earliest hotels discomfort
bigot maths Merry swipe Warren oils borrowed Eagle adjustments respects disliked supervisor
FIRST hazard pedals Randy infuriating decreased surprises calculus populace Twin chewing Combat
peppers Chocolate sustained motivations mug magnet negativity repercussions mat discriminate
frog pleasing taboo bean Anna obey siege supplements torque estimates induced rented tray
succeeded opener rubbish hooks Studio ballot Burn richer doubles Rest designated contradiction
backgrounds surgeon confronted brainwashed theology steer uploading overview Championship occupy
reacted diets thingy collector Strength Snake confirms manipulative Math violates beloved
worldview limbs Parents wiring corp Buying Few Wear simplest extensions kicker perspectives
thrilled potions Professor minister tee breakup adaptation Rocket unicorn tore worms diameter
fuss avatar actress Atheists Tax Cam restored patents anarchy Spend sophisticated colleagues
flavored tales villains economies Arrow holders Reach dignity extremist forwards booked
reliability Wing Rage thieves COME Berlin synthetic puke uniforms medal fireworks wrecked
factories giggles rises surroundings Quest drowning snowball faithful spawned stitches cafe
chased endgame bargain Cops Wright chilling expired performs containers pronunciation Smoke
Avoid slices applaud launching psychiatrist AMAZING thereby emulator bulb arranged needles
inspire greens Bills sensors Somewhere enlightened Cheap scripture oversight Yours cone dub
clarifying enterprise Lynch DB inputs youngest mal plural Upon tails tanking User sickness
mattress Assault violations Director backups validation Cruise impacts carrots envelope reveals
Counter Model headlines Tomorrow sworn viruses antenna Vote compact edits elect furry crank
lasers Article Raw qualifies scoop ROM flows cloak jurisdiction Falcon tendencies dryer ditto
umbrella customization lone encryption adore Wizard concentrated reign slides Beck Pat Posting
thunder operates Repeat springs modules Spoiler turrets masterpiece Cap nephew embedded cuddle
crust cured sacrificing collision offender knights ducks Scout compromised GIVE browsers Tough
fines withdraw conducted Development juices fest intrigued Past risking bumps prohibition cue
classmates inviting Sniper mythology quarterback Voice SAY abide advised integrate metabolism
noone airline smelling docs tempting settlement wink simplified emailed lite Ace refute savvy
friendships Drew offenders reactor whim republic Ranger arrange schooling Happened simplicity
Engineer enthusiasm tighter reread directors criticized descent Judge collections Ocean skating
Depression lurking opted acknowledging bummer interpretations concealed algorithms microphone
Multiple reflected psychologist forgiving saturated median pointers FAR visitors filing shred
pond proximity privileges TR Rex disgust revelation shining proprietary ALSO prom indoors
mustard rambling owed DD entertained comforting prohibited Gate snipers tapping psycho ms debit
skeleton ratios enforcing Champion Triple molecules pitched payer amps Train PP erection emulate
Whole arch catchy chalk altitude newspapers eagle ranger gentlemen vest survivors humidity
evolving misinformed Bit scratching aesthetics ingredient booster Comic horde transformation Mix
retailers bats phrasing lovers pumpkin scholars charities shelters citing phenomena Punch
calculation respecting reinstall wakes portrait complications lions concerts taunt turd porch
fulfilled liberties immigrant suffice Station equity breeze arsenal surfing Driving marginal
buffed retreat weighed herd Including contributes weirdest thigh canceled stunned censor
Moreover aids bankruptcy dagger framed featuring boiled comma capita pledge flavour buffalo
minerals formats tuna Salt Looked Section criticisms mortal achieving Review duct gateway slash
Born squirrel fury encouragement fooled rays beds compile bullies Foundation MA speculate AGAIN
amused vouch harming Tier relieved scholar mags discredit fitted dialog Purple noon mg patched
towels anyhow torso UPS volunteers Per Daddy portray seals tiers Khan agreements Co mushroom
stain scratches founding concur dictator KILL poured DL Hoping wagon prayers twenties preorder
prince Tank listens mounts homo Conservative farts pending opera crawling bathrooms Version
exploding exclusives conquer tide OTHER Points disappears reinforce greasy Gravity Fort
casualties indicating pharmacy Nation poorer Higher neglect elf Liberals ammunition faults
Liberty anchor Physics imposed clues projected tracked specialty atrocities escalated refrain
helm injustice drip queens contractor illustrate Text posture preaching prosecution rot Touch
sponsors impulse conform patrol governor babe conflicting shutdown STEM boyfriends foreskin
absent stumble emissions boycott Kindle Logic Lovely drying Labor allergy exaggeration pistols
casino cheats requesting curriculum din hierarchy Inside lever Warning urges Sanders primitive
pup safest smite replays conquest gospel Pull Firefly ace Fry credentials Liquid cinnamon fathom
schemes Bale compressed shuttle wraps preach Harden detective lime disguise mats imagery wizards
winds folders align guarantees sixth rug cutter closure candle Duck Drugs Mods eliminating
subbed barrels tame Mission stimulation hottest saint Medical spotlight faded fluff pawn
recognise handicapped slammed negate shootings Cream bark hears pod Props boosts pirated mages
mornings smartest gangs reconsider wheelchair Depot integral graveyard Fighter maple forgiven
excluded digit colony projection claws shook consist motivate scholarships trophies mineral
aisle Losing chubby plots hangs knit heater denim staple slick transferring Minister Fresh orb
dank cigars Gone wrapping seizure proportions Answer adhere placebo grilled tar manufacture
Ended MODS hormone unity disposal variants Worlds infections meanwhile charming sacrifices
Jungle funky connector organisation accountability checkout builder scotch fluffy crude KC
storing Rivers ding guilds Pain Etc suite interrupt swearing READ smashing Happens pointer gravy
anecdote Angels lotion cricket psychic robbery miracles java endure Apologies diarrhea Sell
dangers Sox Pics advancement paradox stretches aligned compares prostitute taxing projectile
transparency Shop straps naughty indirect Doctors Fan frequencies Pepper grains shuffle dam
solves partying capped phrased Libertarian generalizations brow char sneaking Paper Neat
upsetting Cash Instant Regular Ward tolerated qualifications tender erase frightening inherited
Knights projecting PL shovel Deposited peeing Questions classify beaches sorting Citizen chant
promotes exaggerating collectors admits pressured proposing lettuce donuts appetite pacing Brain
instincts exposing tow cylinder rivals chime duplicate baseline Thoughts marketed Gets operated
neglected Tip rag whipped insecurity deposited scanner lobbying lectures assignments chuck Jump
Brotherhood Ride waiter Riven EVE corps squares Lower toilets advocates dawn frowned tapes
circumcised dunk Odd contender challenger lengthy connects equations Sugar obligations exploited
thrive thugs partisan pension hostage irritated registry misunderstand proposition recordings
margins boarding artifacts Hammer Skin sophomore Soldier leftover rebellion breach fats
taxpayers tunes fever Egg Tons disagreed shards altering Couple Met automation explosives
articulate outweigh packets shortcut cakes Corps taxpayer fuels LB Witch yrs MOST licking
vitamins textbooks fatigue Create ash Challenge dessert slipping lounge Books scratched sliced
extras Keys ruler dominating scouts ethic BETTER Dirty encrypted Smoking Mask fort Block Base
percentages canvas coats synergy commodity stalker paintings divisions Writing LONG selecting
treaty brighter sanctions commentators scissors anatomy Stream spawning ecosystem Chapter Shot
fetch hangover hopping confrontation Mount Costa bride LIFE rebuilding exhibit faking pumps
coping multiply Vice Wolverine sociopath lesbians sunset diapers scarf Wood flashy concluded
residence Burning coupons simulator sleeps conditioned BAM displaying dilemma enhanced Jolly
Cost Root crippling telephone scrutiny academy Killer parliament distortion peasants USE
favourites organizing cm Fighting glowing ensuring investigating sympathize exploiting censored
lightweight uncertainty owes Profit hops pastor mixes handgun fiat Wife bore demonstrates Curry
Reserve extends Grab vile injection decreases gal SAME exploitation tribute cyclist lowers Cars
watts Aliens Legion Physical elves streamers Sick bachelor fined prototype horns recreate timers
observer Fortress snaps cursed turtles wardrobe fluids Prophet guided crab sting shopped rash
coalition earthquake betrayed brewery butterfly windshield schedules pedophiles intriguing
balances drummer lawsuits Conservatives murderers sweating SR exceed THAN fishy tripped
volunteering validate Ground bumped alignment intimacy icing weddings transform minors dome
delivers messes prophecy CO dun annoyance euros Gives disclosure Flight deploy intern
manipulating skinned Cell intercourse coward Reality Clear tornado ju surfaces Marriage Row
cooks brigade Crown premises imported conventions secured pineapple numb Access insects Void
WELL subconscious spreads markers reproduction Wales continuity dread coloring modeling Suck
harmed activists coded discharge yarn escaping tying orgasms delusion contractors WERE equip
Vista vets revive miners Agent lust POST shattered rework protections casts scanning messaged
nominated Paid justifying cape Chase starvation soaked settling husbands generates Oculus flips
Maria Morning curl universes Pit crave outraged dogma cubes labeling directing scattered
survivor screening shaky Lisa chorus clarified Panthers playground Rams deployment crystals
colonies escalate Comedy Warlock Board Homer vessel Foster ranting recommending peasant condone
Jazz brightness Replace pint Mitt District Axe sequels lee kg insecurities Advanced Feminism
subtitles Patriot Weed crunch Language resentment resent Sub tweaking disclaimer legalized
tracker provinces shoving temper disparity metals ore bombed feared meats barn disturbed hides
stimulus Saving Madden mascara ADD Oracle Democracy Cherry analyzing Angry menus flashlight
notebook git Sit Ash hookers processors geometry counterparts lacked confuses diaper pyramid
contradicts Disclaimer Student squads certification choking BEEN causation Rumble dissonance
confirming skepticism Semi Worse queer Aye Lack logistics overlook compiler Officer coma bun
explored softer flashes mama scripted setups assassins fad algebra frat originated jackets dummy
BEING manners stabbing rhyme magnets Fury Leaving carts surge rationalize crisp districts
merchandise ridicule observing harness prevention sandbox develops PLAY Ready evaluation
brushing bomber Forgive
""".split()  # noqa: SIM905 - one word list, kept readable
