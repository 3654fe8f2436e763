"""Common given names with their usual gender: evidence that a capitalised pair is a person, and
which pronoun ("he"/"she") may refer to them. Names of either gender are in both sets.

The hand-picked names include given names that are also English words (Grant, Hope), which the census
list leaves out. Beyond these hand-picked names (with gender), ``is_given`` also knows the given names of the 1990 US
Census name files (public domain), kept in ``given_names.txt`` with the sex the census finds most of their
bearers to be, and read on first use.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


MALE = _names(
    """
Aaron Abdul Abdullah Adam Adrian Ahmad Ahmed Alan Alberto Alec  Aleksei Alexander Alexandre Alexei
Alfred Ali  Amir Anders Andre Andrea Andreas Andrei Andrew Andrzej Andy Angelo Anthony Antoine Anton
Antonio Arjun Arnold Arthur Axel Barack Barry Ben Benjamin Bernard Bill Billy Bob Bobby Boris Brad Bradley
Brandon Brendan Brian Bruce Bruno Bryan Carl Carlos Charles Charlie Chris Christian Christopher Claude Claudio
Clive Colin Craig Dan Daniel Danny Dario Darren Dave David Dean Dennis Derek Diego Dmitry Dominic Don Donald
Doug Douglas  Duncan Dylan Ed Eddie Edward Emmanuel Enrique Eric Erik Ernest Ethan Eugene Evan Fabio
Farouk Felipe Felix Fernando Francesco Francis Francisco Frank Franz Fred Frederick Fuad Gabriel Gareth Gary
Gavin Geoffrey George Gerald Gerhard Giorgio Giovanni Giuseppe Glenn Gordon Graham Greg Gregory Guillermo
Gustavo Hamid Hans Harold Harry Hassan Hector Henri Henry Herbert  Howard Hugh Hugo Hussein Ian Ibrahim
Igor Ivan Jack Jacob Jacques Jake James Jamie Jan Jason Javier Jean Jeff Jeffrey Jeremy Jerome Jerry Jesse
Jim Jimmy Joachim Joe Joel Johan Johann Johannes John Johnnie Johnny Jon Jonathan Jorge Jose Joseph Josh
Joshua Juan Julian Julio Justin Kamal Karim Karl Keith Ken Kenneth Kevin Khaled Khalid Kirk Konstantin Kurt
Kyle Lars Larry Lawrence Lee Leo Leon Leonard Lewis Liam Lionel Lorenzo Louis Luca Lucas Luis Luke Malcolm
Manuel Marc Marcel Marco Marcus Mario Mark Martin Marvin Mateo Matt Matthew Maurice Max Maxim Maxime Mehmet
Michael Michel Miguel Mike Mikhail Mohamed Mohammad Mohammed Muhammad Mustafa Nabil Najib Nathan Neil Nicholas
Nick Nicolas Nigel Nikolai Noah Norman Oleg Oliver Omar Oscar Otto Owen Pablo Patrick Paul Pavel Pedro Peter
Phil Philip Philippe Pierre Pietro Rafael Rahul Raj Ralph Ramon Randy Raul Ray Raymond Reza Ricardo Richard
Rick Rob Robert Roberto Robin Roger Roland Roman Ron Ronald Ross Roy Russell Ryan Said Salman Sam Samuel
Sanjay Scott Sean Sebastian Sergei Sergey Sergio Seth Shane Simon Stan Stanley Stefan Stephen Steve Steven
Stuart Suleiman Tariq Ted Terry  Thomas Tim Timothy Tobias Todd Tom Tommy Tony Travis Tyler Umar
Valentin Victor Vikram Vincent Viktor Vladimir Vladislav Walter Wayne Werner Wilhelm Will William Xavier
Yannick Yasser Yuri Yusuf Zachary Zoltan Vasily Volodymyr Oleksandr Oleksiy Dmytro Yevgeny Yevgeniy Anatoly
Alexey Nikita Ilya Kirill Artem Denis Ruslan Timur Emil Nils Sven Magnus Bjorn Henrik Mats Jens Kim Jae Min
Hyun Sung Young Wei Jun Hao Jian Ming Hiroshi Takashi Kenji Akira Satoshi Rodrigo Mauricio Alejandro Andres
Ignacio Joaquin Santiago Emiliano Nicolás Matías Sebastián Tomás José Luís João Gonçalo Rui Nuno Tiago Yousef
Mahmoud Hamza Bilal Faisal Osama Samir Tarek Walid Youssef Ehsan  Ashraf Nasser Saeed Majid Vusi
Thabo Sipho Kwame Kofi Chinedu Emeka Oluwaseun Tunde Abubakar Musa Idris Amadou Moussa Ousmane Cheikh
Grant Hunter Drew Lance Wade Dale Glen Heath Rich Chip Pat Guy Buck Rusty Skip Bud Earl Duke
"""
)

FEMALE = _names(
    """
Abigail Ada Adriana Agnes Aisha Alexandra Alice Alicia Alina Alison Alexis Alia Amanda Amber Amelia Amy Ana
Anastasia Andrea Angela Angelina Anita Ann Anna Anne Annie Antonia Ariana Ashley Audrey Barbara Beatrice Becky
Belinda Beth Bethany Betty Beverly Bianca Brenda Bridget Brigitte Caitlin Camila Carla Carmen Carol Caroline
Carolyn Catherine Cathy Cecilia Charlotte Chelsea Cheryl Chloe Christina Christine Claire Clara Claudia
Colette Courtney Cynthia Daisy Dana Daniela Danielle Daria Debbie Deborah Denise Diana Diane Dolores Donna
Doris Dorothy Edith Elaine Eleanor Elena Elisabeth Eliza Elizabeth Ella Ellen Emily Emma Erica Erin Esther
Eva Eve Evelyn Fatima Fiona Florence Frances Francesca Gabriela Gabrielle Gail Gemma Georgia Gillian Gina
Giulia Gloria Grace Hanna Hannah Heather Heidi Helen Helena Ingrid Irene Iris Isabel Isabella Ivana Jacqueline
Jane Janet Janice Jasmine Jean Jeanne Jennifer Jenny Jessica Jill Joan Joanna Jocelyn Josephine Joyce Judith
Judy Julia Julie Juliet Karen Kate Katherine Kathleen Kathryn Katie Katrina Kelly Kerry Kim Kimberly Kristina
Laura Lauren Leah Leila Lena Linda Lisa Liz Lorraine Louise Lucia Lucy Lydia Lynn Madeleine Maggie
Margaret Maria Marie Marina Marion Martha Mary Maya Megan Melanie Melissa Mia Michelle Mila Miriam Molly
Monica Nadia Nancy Naomi Natalia Natalie Natasha Nicole Nina Nora Olga Olivia Paola Patricia Paula Pauline
Penny Priya Rachel Rebecca Renee Rita Roberta Rosa Rose Ruth Sabrina Sally Samantha Sandra Sara Sarah Sharon
Sheila Shirley Silvia Simone Sofia Sonia Sophia Sophie Stefania Stephanie  Susan Suzanne Svetlana
Sylvia Tamara Tanya Tatiana Teresa Theresa Tina Tracy Ursula Valentina  Vanessa Vera Veronica Victoria
Viktoria Violet Virginia Wendy Yasmin Yulia Yvonne Zoe Zainab Zara Zeynep Oksana Iryna Olena Yuliia Kateryna
Tetiana Svitlana Lyudmila Galina Ekaterina Yekaterina Aleksandra Marta Agnieszka Katarzyna Magdalena Malgorzata
Ewa Hana Jana Petra Lenka Mei Ling Yan Hui Xin Yumi Yuki Keiko Akiko Sakura Hye Eun Ji Soo Priyanka Anjali
Pooja Sunita Deepa Lakshmi Amina Mariam Maryam Noor Layla Yasmine Rania Dalia Salma Nour Farah Leyla Amira
Ngozi Chioma Amara Adaeze Wanjiru Nomvula Thandiwe    Julieta Luciana Valeria Ximena
Guadalupe Lucía Inés Beatriz Mariana Fernanda
Dawn Faith Hope Joy Holly Ivy Ruby Pearl Crystal Summer Pat
"""
)

GIVEN = MALE | FEMALE

# Given names that world news prints often and the census list lacks (Turkish, Arabic, Persian, Russian,
# Ukrainian, Balkan, Greek, South Asian, African, Latin American, Nordic), with no gender recorded: evidence of
# a person only. Names that are English words, titles or surnames as often (Sultan, Sheikh, Ram) are out.
WORLD_GIVEN = _names(
    """
Besir Beşir Recep Tayyip Ahmet Kemal Emre Nuri Binali Bulent Bülent Cem Ertugrul Hakan Hulusi Ismet Mesut
Mevlut Murat Necdet Nihat Numan Omer Ömer Osman Selahattin Suleyman Süleyman Tansu Turgut Yasar Zeki Ilker
Devlet Fethullah Ayse Fatma Meral Emine Hulya
Taher Tahir Jalal Bashar Hosni Moammar Muammar Abdelaziz Abdulaziz Abdulrahman Abdelbaset Abdelfattah Beji
Moncef Rached Habib Driss Aziz Nabih Saad Rafik Fahd Turki Nayef Bandar Tamim Jassim Hamdan Hamad Zayed
Haider Adel Masoud Massoud Ayad Iyad Moqtada Muqtada Hoshyar Saddam Uday Qusay Izzat Taha Yassin Yasin
Musab Ayman Anwar Nizar Wael Waleed Ziad Ziyad Bassam Bassel Fadi Rami Hani Hussam Hisham Imad Emad Ehab
Ayoub Yahya Zakaria Zuhair Mazen Marwan Mahmud Moustafa Mostafa Mounir Munir Nasir Naser Qasim Qassim
Riyad Riad Sami Sabir Sabri Talal Tawfiq Tawfik Younis Yunus Younes Zaid Hazem Harith Salim Saleem Selim
Jamal Jamil Kamel Fawzi Fouad Adnan Ammar Amr Anas Badr Hatem Jaber Kareem Khalil Majed Maher Mahdi Mehdi
Muhannad Mukhtar Murad Mourad Nadim Nadeem Naji Qais Raed Saif Shadi Tareq Usama Wissam Yousif Ruhollah
Akbar Javad Ghulam Rashid Gulbuddin Zalmay Hamid Asma Hina
Vitaly Vitali Vitaliy Dmitri Vyacheslav Valery Valeriy Gennady Arkady Grigory Vadim Aslan Akhmad Ramzan
Ksenia Yelena Tatyana Natalya Nadezhda Irina Eduard Leonid Yury Yuriy Fyodor Pyotr Stanislav Aleksandr
Emomali Gurbanguly Ilham Serzh Nikol Mikheil Bidzina Nursultan Petro Arseniy Bohdan Taras Mykola Mykhailo
Yaroslav Andriy Oleh Serhiy Wladimir Lech Jaroslaw Jarosław Mateusz Milos Miloš Vaclav Václav Janez Kolinda
Zoran Aleksandar Slobodan Radovan Ratko Hashim Nikola Boyko Rumen Traian Yanis Kyriakos Antonis Silvio
Narendra Manmohan Atal Arvind Amit Nitish Lalu Mamata Sushma Pranab Pratibha Shashi Rajnath Piyush Smriti
Nirmala Arun Ajit Anil Sunil Vijay Vinod Rakesh Suresh Ramesh Mahesh Rajesh Mukesh Ratan Nawaz Shahbaz
Imran Pervez Benazir Asif Yousaf Shaukat Bilawal Hasina Khaleda Mahinda Ranil Gotabaya Chandrika
Maithripala Baburam Girija Ehud Shimon Yitzhak Tzipi Avigdor
Raila Uhuru Mwai Jomo Jakaya Goodluck Olusegun Muhammadu Atiku Yoweri Kgalema Nkosazana Abiy Meles Haile
Salva Riek Macky Abdoulaye Alassane Idriss Mamadou Boubacar Emmerson Hage
Evo Dilma Luiz Inacio Inácio Jair Néstor Nestor Álvaro Alvaro Ollanta Fidel Raúl Ernesto Vicente Tabaré
Horacio Andrés
Erling Channing Stig Ulf Björn Bjørn Jesper Kasper Rasmus Mikkel Ingvar Solveig Jostein Espen Kjetil Trond
Terje Geir Eirik Frode Joakim Sondre Jorgen Jørgen Søren Soren Mette Kylian Thibaut Ilkay Bukayo Declan
Vinicius Vinícius Rodrygo Sadio Achraf Hakim Dusan Dušan Luka Josko Joško Zlatan Xherdan Frenkie
"""
)

# Leaders and historical figures that news and interviews name by surname alone, with no full name
# anywhere in the article ("Obama is doing what Bush did"). Words that are also places or things
# (Lincoln, Washington, Churchill) are left out.
FAMOUS_SURNAMES = _names(
    """
Obama Bush Clinton Trump Biden Nixon Reagan Eisenhower Roosevelt Truman Carter Kennedy Johnson Romney
McCain Cheney Gore Kerry Pelosi Sanders Putin Yeltsin Gorbachev Khrushchev Stalin Lenin Hitler Mussolini
Thatcher Blair Cameron Merkel Sarkozy Chirac Hollande Macron Berlusconi Netanyahu Rabin Sharon
Arafat Abbas Mubarak Sadat Nasser Gaddafi Qaddafi Saddam Assad Khomeini Ahmadinejad Rouhani Erdogan
Chávez Chavez Maduro Mandela Gandhi Nehru Modi Mao Deng Xi Abe Mugabe Pinochet Franco Zelensky
"""
)


@cache
def _census_given() -> dict[str, str]:
    """Each census given name and its usual sex ("f", "m", or "" where the census says both)."""
    text = (Path(__file__).with_name("given_names.txt")).read_text(encoding="utf-8")
    names = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, sex = line.partition(" ")
            names[name] = sex
    return names


def is_given(word: str) -> bool:
    """Whether ``word`` is a known given name: hand-picked, of world news, or in the census list."""
    return word in GIVEN or word in WORLD_GIVEN or word in _census_given()


def usual_gender(word: str) -> str | None:
    """ "f" or "m" for a given name mostly borne by women or by men: the hand-picked lists first (a name in
    both is either, as Andrea), then the census's counts. None when unknown or either."""
    if word in MALE or word in FEMALE:
        return None if word in MALE and word in FEMALE else ("m" if word in MALE else "f")
    return _census_given().get(word) or None
