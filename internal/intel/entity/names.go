package entity

// titles precede a person's name ("Treasury Secretary Scott Bessent").
var titles = set(`Mr, Mrs, Ms, Miss, Dr, Prof, Professor, Sir, Dame, Lord, Lady, President, Vice President,
Secretary, Minister, Senator, Sen, Rep, Representative, Congressman, Congresswoman, Gov, Governor,
Mayor, Judge, Justice, Chancellor, Premier, Prime Minister, King, Queen, Prince, Princess, Pope,
Cardinal, Bishop, Archbishop, Rabbi, Imam, Sheikh, General, Gen, Colonel, Col, Lt, Sgt, Sergeant,
Captain, Capt, Admiral, Adm, Major, Officer, Detective, Inspector, Chief, CEO, Chairman, Chairwoman,
Chair, Director, Commissioner, Ambassador, Spokesman, Spokeswoman, Spokesperson, Coach, Manager,
Speaker, Leader, Sheriff, Attorney, Prosecutor, Deputy, Dean, Father, Sister, Brother, Saint, St,
Chief Executive, Executive, Founder, Analyst, Economist, Editor, Actor, Actress, Singer, Star,
Striker, Midfielder, Defender, Goalkeeper, Author, Novelist, Rapper, Comedian, Presenter, Undersheriff,
Constable, Commodore, Councilman, Councilwoman, Assemblyman, Assemblywoman, Alderman, Trooper,
Undersecretary, Lieutenant, Corporal, Marshal, Superintendent, Commander, Pastor, Reverend, Rev`)

// firstNames are common given names; a capitalized span starting with one
// is a person.
var firstNames = set(englishNames, europeanNames, worldNames)

var englishNames = `Aaron, Abdul, Abdullah, Adam, Adrian, Ahmed, Alan, Albert, Alex, Alexander, Alexandra,
Alfred, Ali, Alice, Alicia, Alison, Amanda, Amy, Andrea, Andrew, Andy, Angela, Angelina, Ann, Anna, Anne,
Anthony, Antonio, Ashley, Ashton, Barack, Barbara, Ben, Benjamin, Bernard, Bernie, Beth, Betty, Bill,
Billy, Bob, Bobby, Boris, Brad, Brandon, Brenda, Brian, Brooke, Bruce, Bryan, Carl, Carlos, Carol,
Caroline, Catherine, Charles, Charlie, Chris, Christian, Christina, Christine, Christopher, Claire,
Colin, Craig, Dan, Daniel, Danny, David, Dennis, Diana, Diane, Dmitry, Donald, Donna, Doug, Douglas,
Ed, Eddie, Edward, Elizabeth, Ellen, Emily, Emma, Emmanuel, Eric, Erik, Frank, Fred, Gary, George,
Gordon, Grace, Graham, Greg, Gregory, Hannah, Harold, Harry, Heather, Helen, Henry, Hillary, Hugh, Ian,
Isaac, Ivan, Jack, Jackie, Jacob, James, Jamie, Jan, Jane, Janet, Jason, Jean, Jeff, Jeffrey, Jennifer,
Jeremy, Jerry, Jessica, Jim, Jimmy, Joan, Joe, Joel, John, Johnny, Jon, Jonathan, Jordan, Jose, Joseph,
Josh, Joshua, Juan, Judy, Julia, Julian, Julie, Justin, Karen, Kate, Katherine, Kathleen, Katie, Keith,
Kelly, Ken, Kenneth, Kevin, Kim, Kristen, Kyle, Larry, Laura, Lauren, Lee, Leo, Linda, Lisa, Louis,
Lucy, Luis, Luke, Marco, Margaret, Maria, Marie, Mario, Mark, Martin, Mary, Matt, Matthew, Megan,
Melissa, Michael, Michelle, Miguel, Mike, Mohammed, Muhammad, Nancy, Natalie, Nathan, Neil, Nicholas,
Nick, Nicola, Nicole, Nigel, Oliver, Olivia, Oscar, Pamela, Patricia, Patrick, Paul, Pedro, Peter,
Philip, Phillip, Rachel, Ralph, Randy, Raymond, Rebecca, Richard, Rick, Rob, Robert, Robin, Roger,
Ron, Ronald, Rose, Roy, Russell, Ruth, Ryan, Sam, Samuel, Sandra, Sara, Sarah, Scott, Sean, Sergei,
Sharon, Simon, Sophie, Stephanie, Stephen, Steve, Steven, Stuart, Susan, Tim, Timothy, Tom, Tommy,
Tony, Tracy, Victor, Victoria, Vladimir, Walter, Wayne, Wendy, Will, William, Xi, Yuri, Zach,
Keir, Rishi, Theresa, Emmanuel, Olaf, Angela, Justin, Narendra, Recep, Volodymyr, Benjamin, Kamala,
Joe, Nancy, Mitch, Chuck, Marco, Elon, Jeff, Mark, Sundar, Satya, Tim, Jensen, Warren, Janet, Jerome,
Christine, Ursula, Giorgia, Pedro, Luiz, Javier, Claudia, Shinzo, Fumio, Yoon, Kim, Jair, Hugo, Lionel,
Cristiano, Serena, Roger, Rafael, Novak, Tiger, LeBron, Kobe, Michael, Taylor, Beyonce, Kanye`

// europeanNames are given names common in French, German, Spanish,
// Italian, Portuguese, Dutch and Polish news, whose articles name people
// with no English cue around them. Names that are also places (Florence)
// are left out.
var europeanNames = `Alain, Alberto, Alejandro, Alessandro, Alexandre, Alfonso, Andrea, Andreas, Andrés, Annalena,
Antoine, António, Armin, Arnaud, Bernd, Bruno, Carla, Carmen, Catarina, Christophe, Clément, Cristina,
Daniela, Dieter, Dolores, Édouard, Elena, Élisabeth, Enrico, Enrique, Érik, Fabio, Federico, Felipe,
Fernando, Francesca, Francesco, Francisco, François, Françoise, Frank-Walter, Friedrich, Gabriel,
Gérald, Gérard, Gerhard, Giorgio, Giovanni, Giulia, Giuseppe, Guido, Guillaume, Günter, Hans, Heinz,
Helmut, Hubert, Ignacio, Isabel, Isabelle, Jacques, Jaime, Jean-Luc, Jean-Marie, Jean-Pierre, Jens,
Jesús, Joachim, João, Jordi, Jörg, Jürgen, Karl, Karl-Heinz, Katarzyna, Klaus, Laurent, Luc, Luca,
Lucía, Luigi, Luís, Manuel, Marcel, Marcin, Markus, Marta, Matteo, Matthias, Michel, Miguel,
Nathalie, Nicolas, Olivier, Pablo, Paolo, Pascal, Philippe, Pierre, Piotr, Rafał, Raúl, Reinhard,
Renate, Ricardo, Roberto, Rolf, Sandro, Sebastián, Sebastian, Sergio, Silvio,
Sophie, Stefan, Stefano, Sylvie, Teresa, Thierry, Thomas, Tomasz, Ulrich, Valérie, Vincent, Walther,
Wolfgang, Xavier, Yves, María, José, Ángel, Ángela, Óscar, Inés, Sofía, Joaquín, Martín, Héctor,
Adrián, Iñigo, Nuño, Gonçalo, Sébastien, Stéphane, Frédéric, Jérôme, Benoît, Hélène, Céline, Zoé`

// worldNames are given names common in English-language news from
// Scandinavia, Ireland and Wales, Eastern Europe, the Middle East, South
// Asia and East Asia. Family names written first (Wang, Park), names that
// are also places or common words (Marine, Min, Helena, Raj) are left out.
var worldNames = `Ingrid, Astrid, Sigrid, Freya, Lars, Nils, Sven, Henrik, Magnus, Mette, Jonas, Sanna, Helle,
Niamh, Siobhan, Aoife, Seamus, Ciaran, Padraig, Micheál, Gareth, Rhys, Owen, Fiona, Bridget, Yvette,
Kemi, Liz, Pete, Wes, Gavin, Clara, Lucia, Tomás, Tomas, Jonah, Maarten, Jana, Mira, Nadia,
Alexei, Alexey, Sergey, Mikhail, Nikolai, Igor, Viktor, Yulia, Olga, Natalia, Natalya, Svetlana,
Tatiana, Oleksandr, Olena, Andriy, Yuriy, Petro, Kristalina, Ekrem, Amir, Amira, Aisha, Fatima,
Layla, Leila, Lina, Yusuf, Ibrahim, Khalid, Mustafa, Tariq, Rashid, Karim, Nasser, Reza, Hamid,
Mehdi, Mahmoud, Bashar, Naftali, Yair, Hassan, Hussein, Omar, Narges, Malala, Ngozi, Tedros, Jacinda,
Priya, Priyanka, Arjun, Rahul, Ravi, Sanjay, Vijay, Anil, Sunil, Amit, Anita, Sunita, Pooja,
Neha, Rohit, Virat, Deepika, Shabana, Hiroshi, Takashi, Yuki, Kenji, Haruki`

// lowerSentenceStarts are capitalized at a sentence start but are not names.
var notNames = set(`The, A, An, This, That, These, Those, It, Its, He, She, They, We, I, You, But, And, Or,
In, On, At, For, From, With, By, To, Of, As, After, Before, When, While, If, However, Meanwhile, Also,
There, Here, His, Her, Their, Our, My, Your, What, Who, Why, How, Where, Which, Some, Many, Most, More,
All, Both, Each, Every, No, Not, Now, Then, So, Yet, Still, Last, Next, First, Second, New, Other,
One, Two, Three, According, During, Under, Over, Since, Until, Despite, Although, Though, Because,
Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, January, February, March, April, May,
June, July, August, September, October, November, December, Mon, Tue, Wed, Thu, Fri, Sat, Sun, Jan,
Feb, Mar, Apr, Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec, Today, Yesterday, Tomorrow, Mr, Mrs, Ms, Dr,
American, Americans, British, Chinese, Russian, Russians, Ukrainian, Ukrainians, European, Europeans,
French, German, Germans, Japanese, Indian, Israeli, Israelis, Palestinian, Palestinians, Iranian,
Korean, Canadian, Mexican, Brazilian, Australian, Italian, Spanish, African, Asian, Arab, Muslim,
Christian, Jewish, Western, Eastern, Northern, Southern, English, Scottish, Irish, Welsh, Dutch,
Swiss, Swedish, Turkish, Syrian, Iraqi, Afghan, Pakistani, Saudi, Egyptian, Greek, Polish,
Argentine, Chilean, Cuban, Venezuelan, Nigerian, Kenyan, Democrat, Republican, Democratic, Photo,
Image, Video, Read, Click, Share, Copyright, Updated, Published, Advertisement, Getty, Images, AP,
Said, Says, Thanks, Please, Yes, Oh, OK, Dear, Sir, Madam, Just, Even, Only, Such, Instead, Like,
Hello, Why, Will, Would, Could, Should, Can, May, Might, Must, Did, Do, Does, Was, Were, Is, Are`)

// openers are gerunds and prepositions that open a sentence before a name
// ("Using Galileo images", "Unlike Elvis") and open names too ("Inside
// Climate News", "Against Malaria Foundation"): they are cut from a span
// that begins a sentence and is no organisation's name.
var openers = set(`Using, Speaking, Following, Including, Citing, Noting, Asked, Given, Unlike, Among, Amid,
Across, Against, Without, Within, Through, Throughout, Beyond, Near, Outside, Inside, Into, Upon,
Regarding, Concerning, Besides`)
